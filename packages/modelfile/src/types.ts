/** A place in the source: 0-based UTF-16 `offset` into the decoded text, 1-based `line` and `column`. */
export interface SourcePosition {
  /** 0-based index into the decoded source string (UTF-16 code units, as JavaScript strings count). */
  offset: number;
  /** 1-based line. `\r\n`, `\n` and a lone `\r` each end one line (unlike Ollama's error numbers). */
  line: number;
  /** 1-based column in Unicode code points (a character outside the BMP counts once). */
  column: number;
}

/** A half-open range: `end` is just past the last character. */
export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
}

/** The instruction keywords Ollama accepts (any letter case in the file). */
export type Instruction =
  | 'FROM'
  | 'LICENSE'
  | 'TEMPLATE'
  | 'SYSTEM'
  | 'ADAPTER'
  | 'DRAFT'
  | 'RENDERER'
  | 'PARSER'
  | 'PARAMETER'
  | 'MESSAGE'
  | 'REQUIRES';

/** The minimal shape of a command: what Ollama's `parser.Command` holds. */
export interface CommandLike {
  /** `model` for FROM, the parameter name for PARAMETER, else the lower-case instruction. */
  name: string;
  /** The value as Ollama stores it (`role: content` for MESSAGE). */
  args: string;
}

/** How the value was quoted in the source. */
export type QuoteStyle = '' | '"' | '"""';

/** One command as parsed from a source text: Ollama's `{ name, args }` plus where it came from. */
export interface ModelfileCommand extends CommandLike {
  /** The instruction, upper-case. */
  instruction: Instruction;
  /** The keyword exactly as written (`from`, `Parameter`, ...). */
  keyword: string;
  /** Start of the keyword. */
  start: SourcePosition;
  /** Just past the value (past its closing quote; trailing blanks excluded). */
  end: SourcePosition;
  /** Offset just past the keyword. */
  keywordEnd: number;
  /** Offsets of the PARAMETER name or MESSAGE role, `-1` for other instructions. */
  nameStart: number;
  nameEnd: number;
  /** Offsets of the value as written, quotes included, outer blanks excluded. */
  valueStart: number;
  valueEnd: number;
  /** The quotes around the value in the source. */
  quote: QuoteStyle;
  /**
   * Offset where the source text that belongs before this command begins: blank lines, comments
   * and indentation since the previous command's line break (`source.slice(leadingStart, start.offset)`).
   */
  leadingStart: number;
  /** Offset just past the line break that ended the command (the text length at the end of the file). */
  terminatorEnd: number;
}

/** A parsed Modelfile. */
export interface Modelfile {
  /** Ollama's flat command list, in file order; nothing merged or deduplicated. */
  commands: ModelfileCommand[];
  /** The decoded source text (without a byte order mark). Offsets refer to it. */
  source: string;
  /** Whether the input started with a byte order mark (UTF-8 or UTF-16). */
  bom: boolean;
  /** The encoding the bytes were read as (`utf-8` for string input). */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Source text after the last command: blank lines and comments. */
  trailing: string;
}

/** Anything `formatModelfile` can print: a parsed Modelfile, or just a list of commands. */
export interface ModelfileLike {
  commands: ReadonlyArray<CommandLike | ModelfileCommand>;
  /** The source the commands' offsets refer to (needed by the `pretty` format). */
  source?: string;
  trailing?: string;
  bom?: boolean;
}
