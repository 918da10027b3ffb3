/**
 * A line-based code tokenizer good enough to colour chat replies: comments, strings, numbers, keywords.
 * Dependency-free on purpose (issue 7: small and quick to start); block comments and multi-line strings are
 * tracked across lines so a long docstring does not turn the rest of the block into code colours.
 */

export type CodeTokenKind = 'plain' | 'keyword' | 'string' | 'number' | 'comment' | 'punctuation';
export type CodeToken = { kind: CodeTokenKind; text: string };

const words = (text: string) => new Set(text.split(/\s+/));

const cLike = words(
  'break case catch class const continue default do else enum export extends false finally for function if import in instanceof interface let new null return static super switch this throw true try typeof var void while yield async await of from as type public private protected implements package struct func go defer chan map range fn impl mut pub use mod match loop where trait self Self None Some Ok Err int char long double float bool string nil',
);
const python = words(
  'and as assert async await break class continue def del elif else except False finally for from global if import in is lambda None nonlocal not or pass raise return True try while with yield self print',
);
const shell = words(
  'if then else elif fi for while do done case esac function in export local return echo cd sudo set unset',
);
const sql = words(
  'select from where insert into values update set delete create table index join left right inner outer on group by order having limit and or not null as distinct union primary key',
);

type Language = { keywords: Set<string>; lineComment?: string; blockComment?: [string, string] };

const languages: Record<string, Language> = {
  c: { keywords: cLike, lineComment: '//', blockComment: ['/*', '*/'] },
  python: { keywords: python, lineComment: '#' },
  shell: { keywords: shell, lineComment: '#' },
  sql: {
    keywords: words(`${[...sql].join(' ').toUpperCase()} ${[...sql].join(' ')}`),
    lineComment: '--',
  },
  json: { keywords: words('true false null') },
  plain: { keywords: new Set() },
};

const aliases: Record<string, keyof typeof languages> = {
  py: 'python',
  python: 'python',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  shell: 'shell',
  console: 'shell',
  dockerfile: 'shell',
  modelfile: 'shell',
  yaml: 'python',
  yml: 'python',
  toml: 'python',
  sql: 'sql',
  json: 'json',
  text: 'plain',
  txt: 'plain',
  markdown: 'plain',
  md: 'plain',
};

const languageFor = (name: string): Language => {
  const key = aliases[name] ?? 'c';
  return languages[key] ?? languages.c!;
};

const tokenPattern =
  /("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|`(?:[^`\\]|\\.)*`?)|(\b\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?\b|\b0x[\da-f]+\b)|([A-Za-z_$][\w$]*)|([{}()[\];,.:=<>+\-*/%!&|^~?@]+)|(\s+)|(.)/giu;

const push = (tokens: CodeToken[], kind: CodeTokenKind, text: string) => {
  const previous = tokens.at(-1);
  if (previous && previous.kind === kind) previous.text += text;
  else tokens.push({ kind, text });
};

/** Tokenizes a code block into lines of tokens. */
export const highlightCode = (code: string, languageName: string): CodeToken[][] => {
  const language = languageFor(languageName);
  const lines: CodeToken[][] = [];
  let inBlockComment = false;
  for (const line of code.split('\n')) {
    const tokens: CodeToken[] = [];
    let rest = line;
    if (inBlockComment && language.blockComment) {
      const end = rest.indexOf(language.blockComment[1]);
      if (end === -1) {
        lines.push(rest ? [{ kind: 'comment', text: rest }] : []);
        continue;
      }
      push(tokens, 'comment', rest.slice(0, end + language.blockComment[1].length));
      rest = rest.slice(end + language.blockComment[1].length);
      inBlockComment = false;
    }
    tokenPattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    let position = 0;
    while (position < rest.length) {
      const tail = rest.slice(position);
      if (language.lineComment && tail.startsWith(language.lineComment)) {
        push(tokens, 'comment', tail);
        break;
      }
      if (language.blockComment && tail.startsWith(language.blockComment[0])) {
        const end = tail.indexOf(language.blockComment[1], language.blockComment[0].length);
        if (end === -1) {
          push(tokens, 'comment', tail);
          inBlockComment = true;
          break;
        }
        push(tokens, 'comment', tail.slice(0, end + language.blockComment[1].length));
        position += end + language.blockComment[1].length;
        continue;
      }
      tokenPattern.lastIndex = position;
      match = tokenPattern.exec(rest);
      if (!match || match.index !== position) {
        push(tokens, 'plain', rest.slice(position));
        break;
      }
      const [text, string, number, word, punctuation] = match;
      if (string !== undefined) push(tokens, 'string', text);
      else if (number !== undefined) push(tokens, 'number', text);
      else if (word !== undefined)
        push(tokens, language.keywords.has(word) ? 'keyword' : 'plain', text);
      else if (punctuation !== undefined) push(tokens, 'punctuation', text);
      else push(tokens, 'plain', text);
      position += text.length;
    }
    lines.push(tokens);
  }
  return lines;
};
