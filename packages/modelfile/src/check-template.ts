/** A problem in a Go template, with offsets into the template text. */
export interface TemplateProblem {
  offset: number;
  endOffset: number;
  message: string;
}

const opening = new Set(['if', 'range', 'with', 'define', 'block']);

/**
 * Checks a Go `text/template` at the level of its actions: every `{{` closed by `}}`, comments
 * closed, strings inside actions closed, no `{{` inside an action, no empty action, and
 * `if`/`range`/`with`/`define`/`block` balanced with `end` (`else` only inside them).
 */
export function checkTemplate(template: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const stack: Array<{ keyword: string; offset: number; endOffset: number }> = [];
  let index = 0;
  while (index < template.length) {
    const open = template.indexOf('{{', index);
    if (open < 0) break;
    let cursor = open + 2;
    if (template[cursor] === '-' && /[ \t\r\n]/.test(template[cursor + 1] ?? '')) cursor += 2;
    while (/[ \t\r\n]/.test(template[cursor] ?? '')) cursor++;
    if (template.startsWith('/*', cursor)) {
      const close = template.indexOf('*/', cursor + 2);
      if (close < 0) {
        problems.push({ offset: open, endOffset: template.length, message: 'unclosed comment' });
        return problems;
      }
      let after = close + 2;
      while (/[ \t\r\n]/.test(template[after] ?? '')) after++;
      if (template[after] === '-' && template.startsWith('}}', after + 1)) after++;
      if (!template.startsWith('}}', after)) {
        problems.push({
          offset: open,
          endOffset: close + 2,
          message: 'comment ends before closing delimiter',
        });
        index = close + 2;
        continue;
      }
      index = after + 2;
      continue;
    }
    const end = findActionEnd(template, cursor);
    if (end.kind === 'unclosed') {
      problems.push({
        offset: open,
        endOffset: template.length,
        message: `unclosed action: "{{" has no matching "}}"`,
      });
      return problems;
    }
    if (end.kind === 'string') {
      problems.push({
        offset: end.at,
        endOffset: end.at + 1,
        message: 'unterminated quoted string in action',
      });
      return problems;
    }
    if (end.kind === 'nested') {
      problems.push({
        offset: open,
        endOffset: end.at + 2,
        message: `"{{" inside an action: close the action at ${'"}}"'} first`,
      });
      index = end.at;
      continue;
    }
    let bodyEnd = end.at;
    if (template[bodyEnd - 1] === '-' && /[ \t\r\n]/.test(template[bodyEnd - 2] ?? '')) bodyEnd--;
    const body = template.slice(cursor, bodyEnd).trim();
    const closeEnd = end.at + 2;
    const keyword = /^[a-z]+/.exec(body)?.[0] ?? '';
    const rest = body.slice(keyword.length);
    const isWord = keyword !== '' && (rest === '' || /^[\s(]/.test(rest));
    if (body === '') {
      problems.push({
        offset: open,
        endOffset: closeEnd,
        message: 'missing value for command: empty action',
      });
    } else if (isWord && opening.has(keyword)) {
      stack.push({ keyword, offset: open, endOffset: closeEnd });
    } else if (isWord && keyword === 'end') {
      if (stack.pop() === undefined) {
        problems.push({
          offset: open,
          endOffset: closeEnd,
          message: 'unexpected {{end}}: nothing to end',
        });
      }
    } else if (isWord && keyword === 'else') {
      const top = stack[stack.length - 1];
      if (top === undefined || !['if', 'range', 'with'].includes(top.keyword)) {
        problems.push({
          offset: open,
          endOffset: closeEnd,
          message: 'unexpected {{else}} outside {{if}}, {{range}} or {{with}}',
        });
      }
    }
    index = closeEnd;
  }
  for (const open of stack) {
    problems.push({
      offset: open.offset,
      endOffset: open.endOffset,
      message: `unexpected EOF: {{${open.keyword}}} has no matching {{end}}`,
    });
  }
  return problems;
}

type ActionEnd =
  | { kind: 'closed'; at: number }
  | { kind: 'unclosed' }
  | { kind: 'string'; at: number }
  | { kind: 'nested'; at: number };

/** Finds the `}}` that closes the action whose body starts at `from`, skipping strings. */
function findActionEnd(template: string, from: number): ActionEnd {
  let index = from;
  while (index < template.length) {
    const character = template[index]!;
    if (character === '}' && template[index + 1] === '}') return { kind: 'closed', at: index };
    if (character === '{' && template[index + 1] === '{') return { kind: 'nested', at: index };
    if (character === '"' || character === "'") {
      const start = index;
      index++;
      while (index < template.length && template[index] !== character) {
        if (template[index] === '\n') return { kind: 'string', at: start };
        index += template[index] === '\\' ? 2 : 1;
      }
      if (index >= template.length) return { kind: 'string', at: start };
      index++;
      continue;
    }
    if (character === '`') {
      const close = template.indexOf('`', index + 1);
      if (close < 0) return { kind: 'string', at: index };
      index = close + 1;
      continue;
    }
    index++;
  }
  return { kind: 'unclosed' };
}
