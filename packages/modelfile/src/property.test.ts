import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModelfileSyntaxError } from './errors/modelfile-syntax-error';
import { formatModelfile } from './format-modelfile';
import { lintModelfile } from './lint-modelfile';
import { parseModelfile } from './parse-modelfile';
import { type ReferenceResult, referenceParse } from './reference-parser.test-helper';
import { tokenizeModelfile } from './tokenize-modelfile';

const fragments = [
  'FROM',
  'from',
  'PARAMETER',
  'Parameter',
  'MESSAGE',
  'SYSTEM',
  'TEMPLATE',
  'LICENSE',
  'ADAPTER',
  'DRAFT',
  'REQUIRES',
  'FORM',
  'user',
  'User',
  'assistant',
  'system',
  'num_ctx',
  'temperature',
  'stop',
  'top-k',
  '0.7',
  '4k',
  'x',
  'llama3.2',
  '{{ .Prompt }}',
  '#',
  '"',
  '""',
  '"""',
  '""""',
  "'",
  '\\',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u00a0',
  '\u200d',
  '\ufeff',
  '\u0007',
  '\u0085',
  'é',
  '😀',
  '\ud800',
  '\u2028',
  '\u3000',
  '\x00',
  ':',
  '-',
  '_',
];

const modelfileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...fragments),
      fc.string({ maxLength: 3 }),
      fc.string({ unit: 'binary', maxLength: 2 }),
    ),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(''));

function ours(text: string): ReferenceResult {
  try {
    return { commands: parseModelfile(text).commands.map(({ name, args }) => [name, args]) };
  } catch (error) {
    if (ModelfileSyntaxError.isInstance(error)) return { error: error.ollamaMessage };
    throw error;
  }
}

describe('property: random Modelfile-like input', () => {
  it("parses exactly as a plain transcription of Ollama's parser does (commands or error text)", () => {
    fc.assert(
      fc.property(modelfileText, (text) => {
        // a leading BOM is the decoder's business (Ollama drops it before parsing)
        expect(ours(text)).toEqual(referenceParse(text.replace(/^\ufeff/, '')));
      }),
      { numRuns: 3000 },
    );
  });

  it('throws nothing but ModelfileSyntaxError, and lint and tokenize never throw', () => {
    fc.assert(
      fc.property(fc.oneof(modelfileText, fc.string({ unit: 'binary' })), (text) => {
        try {
          parseModelfile(text);
        } catch (error) {
          expect(ModelfileSyntaxError.isInstance(error)).toBe(true);
        }
        lintModelfile(text);
        expect(
          tokenizeModelfile(text)
            .map((token) => token.text)
            .join(''),
        ).toBe(text.replace(/^\ufeff/, ''));
      }),
      { numRuns: 1500 },
    );
  });

  it('accepts any bytes (bad UTF-8, BOMs, UTF-16)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 80 }),
        fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]),
        (body, bom) => {
          try {
            parseModelfile(new Uint8Array([...bom, ...body]));
          } catch (error) {
            expect(ModelfileSyntaxError.isInstance(error)).toBe(true);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('formats every file that parses so that it parses back the same (Ollama form) or identical (pretty)', () => {
    fc.assert(
      fc.property(modelfileText, (text) => {
        let modelfile: ReturnType<typeof parseModelfile>;
        try {
          modelfile = parseModelfile(text);
        } catch {
          return;
        }
        expect(formatModelfile(modelfile, { pretty: true })).toBe(text);
        // Ollama's form round-trips unless a value has an outer tab or """ with a line break (§6)
        const lossy = modelfile.commands.some(
          ({ name, args }) =>
            (name === 'model' && args !== args.trim()) ||
            /^[\t\r\n]|[\t\r\n]$/.test(args.replace(/^(system|user|assistant): /, '')) ||
            (args.includes('"""') && args.includes('\n')) ||
            (args.includes('\n') && /^"|"$/.test(args)) ||
            (/^"|"$/.test(args.replace(/^(system|user|assistant): /, '')) && !args.includes('\n')),
        );
        if (lossy) return;
        const again = parseModelfile(formatModelfile(modelfile)).commands.map(({ name, args }) => [
          name,
          args,
        ]);
        expect(again).toEqual(modelfile.commands.map(({ name, args }) => [name, args]));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('property: parse time grows linearly', () => {
  const shapes: Record<string, (size: number) => string> = {
    'many short commands': (size) =>
      'FROM x\nPARAMETER temperature 0.7\n# c\n'.repeat(Math.ceil(size / 35)),
    'one value that runs on to an unterminated end': (size) =>
      `FROM x\nSYSTEM """${'line "a" b\n'.repeat(Math.ceil(size / 11))}`,
    'one long line of dropped characters': (size) => `FROM x\nSYSTEM a${'\u200d'.repeat(size)}b\n`,
    'CRLF lines with quotes': (size) => 'FROM x\r\nSYSTEM "a\r\n"\r\n'.repeat(Math.ceil(size / 16)),
  };

  // CPU time of this process (not wall time: other processes on the machine do not count),
  // the least of three rounds (load only ever adds time)
  function timeOf(run: () => void, repeat: number): number {
    let least = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) {
      const start = process.cpuUsage();
      for (let index = 0; index < repeat; index++) run();
      const used = process.cpuUsage(start);
      least = Math.min(least, used.user + used.system);
    }
    return least;
  }

  for (const [shape, make] of Object.entries(shapes)) {
    it(`${shape}: 1 MB costs about 1000 times 1 KB (generous bound: under 10x that)`, () => {
      const small = make(1024);
      const large = make(1024 * 1024);
      const parse = (text: string) => () => {
        try {
          parseModelfile(text);
        } catch {
          // the shape may be invalid on purpose
        }
        lintModelfile(text);
      };
      timeOf(parse(small), 100); // warm up
      const smallTotal = timeOf(parse(small), large.length / small.length);
      const largeOnce = timeOf(parse(large), 1);
      // linear: ratio near 1; quadratic would be near 1000
      const ratio = largeOnce / smallTotal;
      console.log(`${shape}: 1 MB / (1024 x 1 KB) CPU time = ${ratio.toFixed(2)}`);
      expect(ratio).toBeLessThan(10);
    }, 30_000);
  }
});
