/**
 * A small Markdown block parser for chat replies: headings, fenced code, lists, quotes, rules and paragraphs.
 * It never fails: a reply still streaming may end inside a code fence, which then stays open.
 */

export type MarkdownBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'code'; language: string; code: string; closed: boolean }
  | { kind: 'list-item'; ordered: boolean; marker: string; depth: number; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'rule' };

const fencePattern = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/;
const headingPattern = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const listPattern = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const rulePattern = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const quotePattern = /^ {0,3}>\s?(.*)$/;

export const parseMarkdown = (source: string): MarkdownBlock[] => {
  const blocks: MarkdownBlock[] = [];
  const lines = source.split('\n');
  let paragraph: string[] = [];

  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
  };

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const fence = fencePattern.exec(line);
    if (fence) {
      endParagraph();
      const marker = fence[1] ?? '```';
      const code: string[] = [];
      let closed = false;
      index += 1;
      for (; index < lines.length; index += 1) {
        const inner = lines[index] ?? '';
        if (inner.trim().startsWith(marker) && inner.trim().replace(/[`~]/g, '') === '') {
          closed = true;
          break;
        }
        code.push(inner);
      }
      blocks.push({
        kind: 'code',
        language: (fence[2] ?? '').toLowerCase(),
        code: code.join('\n'),
        closed,
      });
      continue;
    }
    if (line.trim() === '') {
      endParagraph();
      continue;
    }
    const heading = headingPattern.exec(line);
    if (heading) {
      endParagraph();
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
      continue;
    }
    if (rulePattern.test(line)) {
      endParagraph();
      blocks.push({ kind: 'rule' });
      continue;
    }
    const list = listPattern.exec(line);
    if (list) {
      endParagraph();
      const marker = list[2] ?? '-';
      blocks.push({
        kind: 'list-item',
        ordered: /\d/.test(marker),
        marker,
        depth: Math.floor((list[1]?.length ?? 0) / 2),
        text: list[3] ?? '',
      });
      continue;
    }
    const quote = quotePattern.exec(line);
    if (quote) {
      endParagraph();
      const previous = blocks.at(-1);
      if (previous?.kind === 'quote') previous.text += `\n${quote[1] ?? ''}`;
      else blocks.push({ kind: 'quote', text: quote[1] ?? '' });
      continue;
    }
    const previous = blocks.at(-1);
    if (paragraph.length === 0 && previous?.kind === 'list-item' && /^\s+\S/.test(line)) {
      // A continuation line of a list item.
      previous.text += ` ${line.trim()}`;
      continue;
    }
    paragraph.push(line);
  }
  endParagraph();
  return blocks;
};

export type InlineSpan = {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  strike?: boolean;
  link?: string;
};

const inlinePattern =
  /(`+)([^`]+?)\1|\*\*([^*]+?)\*\*|__([^_]+?)__|~~([^~]+?)~~|\*([^*\s][^*]*?)\*|(?<![\w])_([^_\s][^_]*?)_(?![\w])|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Splits a line of Markdown into styled spans (no nesting beyond one level: enough for chat replies). */
export const parseInline = (text: string): InlineSpan[] => {
  const spans: InlineSpan[] = [];
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    const start = match.index;
    if (start > last) spans.push({ text: text.slice(last, start) });
    if (match[2] !== undefined) spans.push({ text: match[2], code: true });
    else if (match[3] !== undefined || match[4] !== undefined)
      spans.push({ text: match[3] ?? match[4] ?? '', bold: true });
    else if (match[5] !== undefined) spans.push({ text: match[5], strike: true });
    else if (match[6] !== undefined || match[7] !== undefined)
      spans.push({ text: match[6] ?? match[7] ?? '', italic: true });
    else if (match[8] !== undefined) spans.push({ text: match[8], link: match[9] ?? '' });
    last = start + match[0].length;
  }
  if (last < text.length) spans.push({ text: text.slice(last) });
  return spans;
};

/** The fenced code blocks of a reply, last one last (for "copy code block"). */
export const codeBlocks = (source: string): string[] =>
  parseMarkdown(source)
    .filter((block) => block.kind === 'code')
    .map((block) => (block.kind === 'code' ? block.code : ''));
