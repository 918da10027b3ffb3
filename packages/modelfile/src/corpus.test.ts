import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelfileSyntaxError } from './errors/modelfile-syntax-error';
import { formatModelfile } from './format-modelfile';
import { parseModelfile } from './parse-modelfile';
import type { Modelfile } from './types';

const directory = join(import.meta.dirname, '__fixtures__', 'corpus');
const files = readdirSync(directory)
  .filter((name) => name.endsWith('.Modelfile'))
  .sort();

function parse(bytes: Uint8Array): Modelfile | ModelfileSyntaxError {
  try {
    return parseModelfile(bytes);
  } catch (error) {
    if (ModelfileSyntaxError.isInstance(error)) return error;
    throw error;
  }
}

const pairs = (modelfile: Modelfile) =>
  modelfile.commands.map(({ name, args }) => ({ name, args }));

describe('the corpus of 158 real Modelfiles', () => {
  it('has all 158 files', () => {
    expect(files).toHaveLength(158);
  });

  it("lists the files Ollama rejects, with Ollama's message", () => {
    const rejected: Record<string, string> = {};
    for (const file of files) {
      const result = parse(readFileSync(join(directory, file)));
      if (result instanceof ModelfileSyntaxError) rejected[file] = result.ollamaMessage;
    }
    expect(rejected).toMatchInlineSnapshot(`
      {
        "001.Modelfile": "(line 38): command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"",
        "002.Modelfile": "(line 19): command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"",
        "024.Modelfile": "(line 15): message role must be one of "system", "user", or "assistant"",
        "025.Modelfile": "(line 1): command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"",
        "041.Modelfile": "(line 6): command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"",
        "060.Modelfile": "(line 2): command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"",
        "077.Modelfile": "(line 4): command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"",
        "104.Modelfile": "(line 1): command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"",
      }
    `);
  });

  it("gives the same commands after formatting in Ollama's form, for every file that parses", () => {
    let checked = 0;
    for (const file of files) {
      const modelfile = parse(readFileSync(join(directory, file)));
      if (modelfile instanceof ModelfileSyntaxError) continue;
      const again = parseModelfile(formatModelfile(modelfile));
      expect(pairs(again), file).toEqual(pairs(modelfile));
      checked++;
    }
    expect(checked).toBe(150);
  });

  it('reproduces every file that parses byte for byte in the pretty form', () => {
    const encoder = new TextEncoder();
    let differentInOllamaForm = 0;
    for (const file of files) {
      const bytes = readFileSync(join(directory, file));
      const modelfile = parse(bytes);
      if (modelfile instanceof ModelfileSyntaxError) continue;
      const pretty = formatModelfile(modelfile, { pretty: true });
      expect(Buffer.from(encoder.encode(pretty)).equals(bytes), file).toBe(true);
      if (formatModelfile(modelfile) !== new TextDecoder().decode(bytes)) differentInOllamaForm++;
    }
    // Ollama's form loses comments, blank lines and the original quoting in nearly every file
    expect(differentInOllamaForm).toBeGreaterThan(140);
  });
});
