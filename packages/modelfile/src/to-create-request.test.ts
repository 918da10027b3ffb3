import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CreateRequestError } from './errors/create-request-error';
import { ModelfileSyntaxError } from './errors/modelfile-syntax-error';
import { type ResolveFile, toCreateRequest } from './to-create-request';

async function failure(text: string, resolveFile?: ResolveFile): Promise<CreateRequestError> {
  const result = await toCreateRequest(text, resolveFile ? { resolveFile } : {}).catch(
    (error: unknown) => error,
  );
  if (CreateRequestError.isInstance(result)) return result;
  throw new Error(`expected a CreateRequestError, got ${JSON.stringify(result)}`);
}

/** A fake file system: paths that exist, each with its digest map. */
const files: ResolveFile = (path) => {
  const table: Record<string, { path: string; files: Record<string, string> }> = {
    './model.gguf': { path: '/m/model.gguf', files: { 'model.gguf': 'sha256:aa' } },
    './proj.gguf': { path: '/m/proj.gguf', files: { 'proj.gguf': 'sha256:bb' } },
    './lora.gguf': { path: '/m/lora.gguf', files: { 'lora.gguf': 'sha256:cc' } },
    './draft.gguf': { path: '/m/draft.gguf', files: { 'draft.gguf': 'sha256:dd' } },
    'same.gguf': { path: '/m/model.gguf', files: { 'model.gguf': 'sha256:aa' } },
  };
  return table[path];
};

describe('toCreateRequest (grammar §5)', () => {
  it('builds the /api/create body with typed parameters', async () => {
    const text = [
      'FROM llama3.2',
      'PARAMETER num_ctx 8192',
      'PARAMETER seed +7',
      'PARAMETER temperature 1e-1',
      'PARAMETER top_p 0.9',
      'PARAMETER use_mmap True',
      'PARAMETER stop <|eot_id|>',
      'PARAMETER stop "User: "',
      'PARAMETER num_ctx 4096',
      'TEMPLATE "{{ .Prompt }}"',
      'SYSTEM first',
      'SYSTEM second',
      'LICENSE MIT',
      'LICENSE Apache',
      'MESSAGE user Hi: there',
      'MESSAGE assistant Hello',
      'RENDERER qwen3',
      'PARSER qwen3',
      'REQUIRES v0.14.1',
      '',
    ].join('\n');
    const { request, warnings } = await toCreateRequest(text, { model: 'mine' });
    expect(warnings).toEqual([]);
    expect(request).toEqual({
      model: 'mine',
      from: 'llama3.2',
      template: '{{ .Prompt }}',
      license: ['MIT', 'Apache'],
      system: 'second',
      parameters: {
        num_ctx: 4096,
        seed: 7,
        temperature: 0.1,
        top_p: 0.9,
        use_mmap: true,
        stop: ['<|eot_id|>', 'User: '],
      },
      messages: [
        { role: 'user', content: 'Hi: there' },
        { role: 'assistant', content: 'Hello' },
      ],
      renderer: 'qwen3',
      parser: 'qwen3',
      requires: '0.14.1',
    });
  });

  it("drops deprecated parameters with Ollama's warning", async () => {
    const { request, warnings } = await toCreateRequest(
      'FROM x\nPARAMETER mirostat 2\nPARAMETER penalize_newline true\n',
    );
    expect(request.parameters).toBeUndefined();
    expect(warnings.map((warning) => warning.ollamaMessage)).toEqual([
      'warning: parameter mirostat is deprecated',
      'warning: parameter penalize_newline is deprecated',
    ]);
  });

  it("rejects unknown parameters with Ollama's text", async () => {
    for (const [line, message] of [
      ['PARAMETER numa true', "unknown parameter 'numa'"],
      ['PARAMETER num_gqa 8', "unknown parameter 'num_gqa'"],
      ['PARAMETER tfs_z 1', "unknown parameter 'tfs_z'"],
      ['PARAMETER Temperature 1', "unknown parameter 'Temperature'"],
      ['PARAMETER  temperature 1', "unknown parameter ''"],
      ['PARAMETER constructor 1', "unknown parameter 'constructor'"],
    ]) {
      const error = await failure(`FROM x\n${line}\n`);
      expect(error.ollamaMessage, line).toBe(message);
      expect(error.code).toBe('unknown-parameter');
    }
  });

  it("rejects bad values with Ollama's text", async () => {
    for (const [line, message] of [
      ['num_ctx 4k', 'invalid int value [4k]'],
      ['num_ctx 1.5', 'invalid int value [1.5]'],
      ['num_ctx 9223372036854775808', 'invalid int value [9223372036854775808]'],
      ['temperature 1e40', 'invalid float value [1e40]'],
      ['temperature 0,7', 'invalid float value [0,7]'],
      ['use_mmap yes', 'invalid bool value [yes]'],
      ['seed ""', 'invalid int value []'],
    ] as const) {
      const error = await failure(`FROM x\nPARAMETER ${line}\n`);
      expect(error.ollamaMessage, line).toBe(message);
      expect(error.code).toBe('invalid-parameter-value');
      expect(error.message).toContain('(line 2)');
    }
  });

  it('parses numbers as Go does (signs, exponents, hex floats, underscores)', async () => {
    const { request } = await toCreateRequest(
      'FROM x\nPARAMETER top_k -0\nPARAMETER temperature 0x1p-2\nPARAMETER top_p 1_0.5_0\nPARAMETER min_p .5\nPARAMETER repeat_penalty 1.\n',
    );
    expect(request.parameters).toEqual({
      top_k: 0,
      temperature: 0.25,
      top_p: 10.5,
      min_p: 0.5,
      repeat_penalty: 1,
    });
    expect((await failure('FROM x\nPARAMETER temperature _1\n')).ollamaMessage).toBe(
      'invalid float value [_1]',
    );
  });

  it('refuses NaN and Inf as json.Marshal does', async () => {
    expect((await failure('FROM x\nPARAMETER temperature nan\n')).ollamaMessage).toBe(
      'json: unsupported value: NaN',
    );
    expect((await failure('FROM x\nPARAMETER temperature -Infinity\n')).ollamaMessage).toBe(
      'json: unsupported value: -Inf',
    );
  });

  it('checks REQUIRES as semver', async () => {
    const error = await failure('FROM x\nREQUIRES latest\n');
    expect(error.ollamaMessage).toBe('requires must be a valid semver (e.g. 0.14.0)');
    expect((await toCreateRequest('FROM x\nREQUIRES 0.14\n')).request.requires).toBe('0.14');
    expect((await failure('FROM x\nREQUIRES 01.2.3\n')).code).toBe('invalid-requires');
  });

  it('resolves local paths through resolveFile', async () => {
    const text =
      'FROM ./model.gguf\nFROM ./proj.gguf\nFROM llama3.2\nADAPTER ./lora.gguf\nDRAFT ./draft.gguf\n';
    const { request } = await toCreateRequest(text, { resolveFile: files });
    expect(request).toEqual({
      from: 'llama3.2',
      files: { 'model.gguf': 'sha256:aa', 'proj.gguf': 'sha256:bb' },
      adapters: { 'lora.gguf': 'sha256:cc' },
      draft_files: { 'draft.gguf': 'sha256:dd' },
    });
  });

  it('rejects a DRAFT that is the FROM file', async () => {
    const error = await failure('FROM ./model.gguf\nDRAFT same.gguf\n', files);
    expect(error.ollamaMessage).toBe(
      'DRAFT must not reference the same local path as FROM: /m/model.gguf',
    );
  });

  it('needs resolveFile for ADAPTER and DRAFT, and a path that exists', async () => {
    expect((await failure('FROM x\nADAPTER ./lora.gguf\n')).code).toBe('no-file-resolver');
    expect((await failure('FROM x\nADAPTER ./missing.gguf\n', files)).code).toBe('file-not-found');
  });

  it('accepts parsed Modelfiles and leaves out empty strings as Go omitempty does', async () => {
    const { request } = await toCreateRequest('FROM x\nSYSTEM ""\nTEMPLATE ""\n');
    expect(request).toEqual({ from: 'x' });
    await expect(toCreateRequest('SYSTEM x\n')).rejects.toSatisfy(ModelfileSyntaxError.isInstance);
  });

  describe('with real files in a temporary directory', () => {
    const directory = realpathSync(mkdtempSync(join(tmpdir(), 'modelfile-create-')));
    afterAll(() => rmSync(directory, { recursive: true, force: true }));
    writeFileSync(join(directory, 'model.gguf'), 'GGUF model bytes');
    writeFileSync(join(directory, 'adapter.gguf'), 'GGUF adapter bytes');
    const sha256 = (path: string) =>
      `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    // what a Node caller passes: resolve against the Modelfile's directory, hash what exists
    const resolveFile: ResolveFile = (path) => {
      const absolute = resolve(directory, path);
      if (!existsSync(absolute)) return null;
      const real = realpathSync(absolute);
      return { path: real, files: { [basename(real)]: sha256(real) } };
    };

    it('hashes the files FROM and ADAPTER name, and keeps model names as from', async () => {
      const { request } = await toCreateRequest(
        'FROM ./model.gguf\nFROM llama3.2\nADAPTER adapter.gguf\n',
        { model: 'local', resolveFile },
      );
      expect(request).toEqual({
        model: 'local',
        from: 'llama3.2',
        files: { 'model.gguf': sha256(join(directory, 'model.gguf')) },
        adapters: { 'adapter.gguf': sha256(join(directory, 'adapter.gguf')) },
      });
    });

    it('fails for an ADAPTER that does not exist and a DRAFT that is the FROM file', async () => {
      expect((await failure('FROM x\nADAPTER ./nope.gguf\n', resolveFile)).code).toBe(
        'file-not-found',
      );
      const same = await failure('FROM model.gguf\nDRAFT ./model.gguf\n', resolveFile);
      expect(same.ollamaMessage).toBe(
        `DRAFT must not reference the same local path as FROM: ${join(directory, 'model.gguf')}`,
      );
    });
  });
});
