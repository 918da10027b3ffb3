import { type AppContext, readJson } from '../app-env.js';
import { sha256Hex } from '../digest.js';
import { OllamaHttpError } from '../http-error.js';
import type { ModelContent, StoredMessage } from '../manifest.js';
import { buildManifest } from '../manifest.js';
import { displayShortest, isValidName, parseModelReference, parseName } from '../model-name.js';
import { findSpec } from '../model-store.js';
import { type Emit, runProgress } from '../run-progress.js';
import type { SimulatorState } from '../simulator-state.js';
import { sleep } from '../sleep.js';
import { pullModel } from './pull.js';

const quantizations: Record<string, { level: string; ratio: number; fileType: number }> = {
  q4_k_m: { level: 'Q4_K_M', ratio: 0.3, fileType: 15 },
  q4_k_s: { level: 'Q4_K_S', ratio: 0.285, fileType: 14 },
  q8_0: { level: 'Q8_0', ratio: 0.53, fileType: 7 },
};

function isRelativePath(path: string): boolean {
  // Go's fs.ValidPath: unrooted, slash-separated, no empty, "." or ".." elements.
  if (path === '.') return true;
  return (
    path !== '' &&
    !path.startsWith('/') &&
    path.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

function checkFiles(files: unknown): Record<string, string> {
  if (files === undefined || files === null) return {};
  const result: Record<string, string> = {};
  for (const [path, digest] of Object.entries(files as Record<string, unknown>)) {
    if (!isRelativePath(path)) throw new OllamaHttpError(400, 'file path must be relative');
    if (typeof digest !== 'string' || digest === '')
      throw new OllamaHttpError(400, 'invalid digest format');
    result[path] = digest.replace(/^sha256-/, 'sha256:');
  }
  return result;
}

function checkTemplate(template: string): void {
  const opens = template.split('{{').length - 1;
  const closes = template.split('}}').length - 1;
  if (opens !== closes)
    throw new OllamaHttpError(400, 'template error: template: :1: unclosed action');
}

/** POST /api/create, the JSON form (ollama-api.md §5), with Ollama's progress statuses. */
export async function handleCreate(state: SimulatorState, c: AppContext): Promise<Response> {
  const body = await readJson(c, 'CreateRequest', {
    model: 'string',
    name: 'string',
    from: 'string',
    files: 'map[string]string',
    adapters: 'map[string]string',
    template: 'string',
    system: 'string',
    parameters: 'map[string]interface {}',
    messages: '[]api.Message',
    quantize: 'string',
    quantization: 'string',
    stream: '*bool',
  });
  const files = checkFiles(body.files);
  const adapters = checkFiles(body.adapters);
  if (typeof body.draft_quantize === 'string' && body.draft_quantize !== '' && !body.draft_files) {
    throw new OllamaHttpError(400, '--draft-quantize requires a DRAFT model');
  }
  const target = parseName(String(body.model || body.name || ''));
  if (!isValidName(target)) throw new OllamaHttpError(400, 'invalid model name');
  const from = typeof body.from === 'string' ? body.from : '';
  let fromName = undefined as ReturnType<typeof parseName> | undefined;
  if (from !== '') {
    const reference = parseModelReference(from);
    if (!reference || !isValidName(reference.name))
      throw new OllamaHttpError(400, 'invalid model name');
    fromName = reference.name;
  } else if (Object.keys(files).length === 0) {
    throw new OllamaHttpError(400, "neither 'from' or 'files' was specified");
  }
  if (Object.keys(adapters).length > 1)
    throw new OllamaHttpError(400, 'only one adapter is currently supported');
  if (typeof body.template === 'string') checkTemplate(body.template);
  const quantize = String(body.quantize || body.quantization || '');
  const quantization = quantize ? quantizations[quantize.toLowerCase()] : undefined;
  if (quantize && !quantization)
    throw new OllamaHttpError(400, `unsupported quantization type ${quantize}`);
  for (const digest of [...Object.values(files), ...Object.values(adapters)]) {
    if (!state.store.hasBlob(digest)) {
      throw new OllamaHttpError(
        400,
        `open ${state.settings.modelsDir}/blobs/${digest.replace(':', '-')}: no such file or directory`,
      );
    }
  }

  return runProgress(c, body.stream !== false, async (emit, signal) => {
    let content: ModelContent;
    if (fromName) {
      let base = state.store.get(fromName);
      if (!base) {
        await pullModel(state, fromName, emit, signal);
        base = state.store.get(fromName);
      }
      if (!base) throw new Error('pull model manifest: file does not exist');
      content = { ...base.content, parentModel: displayShortest(base.name) };
    } else {
      content = await contentFromFiles(state, files, emit);
    }
    content = applyRequest(content, body);
    if (quantization) content = await quantizeContent(state, content, quantization, emit, signal);
    if (Object.keys(adapters).length > 0) {
      const digest = Object.values(adapters)[0] as string;
      content = {
        ...content,
        modelLayer: {
          mediaType: content.modelLayer.mediaType,
          digest: `sha256:${sha256Hex(`${content.modelLayer.digest}+${digest}`)}`,
          size: content.modelLayer.size + (state.store.blob(digest)?.size ?? 0),
        },
      };
    }
    const manifest = buildManifest(content);
    for (const layer of manifest.layers) {
      const verb = state.store.hasBlob(layer.digest)
        ? 'using existing layer'
        : 'creating new layer';
      await emit({ status: `${verb} ${layer.digest}` });
    }
    await emit({ status: 'writing manifest' });
    state.store.put(target, content);
    await emit({ status: 'success' });
  });
}

async function contentFromFiles(
  state: SimulatorState,
  files: Record<string, string>,
  emit: Emit,
): Promise<ModelContent> {
  const [, digest] = Object.entries(files)[0] as [string, string];
  const blob = state.store.blob(digest);
  const magic = blob ? new TextDecoder().decode(blob.head.slice(0, 4)) : '';
  if (magic !== 'GGUF') throw new OllamaHttpError(400, 'supplied file was not in GGUF format');
  await emit({ status: 'parsing GGUF' });
  const base = findSpec('llama3.2:1b');
  if (!base) throw new Error('catalogue is missing llama3.2:1b');
  const size = blob?.size ?? 0;
  return {
    spec: {
      ...base,
      name: 'custom',
      aliases: [],
      quantizationLevel: 'F16',
      fileType: 1,
      sizeBytes: size,
    },
    template: '{{ .Prompt }}',
    system: '',
    parameters: {},
    licenses: [],
    messages: [],
    parentModel: '',
    modelLayer: { mediaType: 'application/vnd.ollama.image.model', digest, size },
    revision: 0,
  };
}

function applyRequest(content: ModelContent, body: Record<string, unknown>): ModelContent {
  const next = { ...content };
  if (typeof body.template === 'string') next.template = body.template;
  if (typeof body.system === 'string') next.system = body.system;
  if (body.parameters && typeof body.parameters === 'object') {
    next.parameters = { ...content.parameters, ...(body.parameters as Record<string, unknown>) };
  }
  if (typeof body.license === 'string') next.licenses = [body.license];
  else if (Array.isArray(body.license)) next.licenses = body.license.map(String);
  if (Array.isArray(body.messages)) {
    next.messages = (body.messages as StoredMessage[]).map((message) => ({
      role: String(message.role ?? '').toLowerCase(),
      content: String(message.content ?? ''),
    }));
  }
  return next;
}

async function quantizeContent(
  state: SimulatorState,
  content: ModelContent,
  quantization: { level: string; ratio: number; fileType: number },
  emit: Emit,
  signal: AbortSignal,
): Promise<ModelContent> {
  const from = content.spec.quantizationLevel;
  if (from !== 'F16' && from !== 'F32') {
    throw new OllamaHttpError(400, 'quantization is only supported for F16 and F32 models');
  }
  const total = content.modelLayer.size;
  const base = {
    status: `quantizing ${from} model to ${quantization.level}`,
    digest: '0000000000000000000',
    total,
  };
  const steps = 4;
  for (let step = 0; step <= steps; step++) {
    if (step > 0) await sleep((total / state.settings.pullBytesPerSecond) * 250, signal);
    await emit({ ...base, completed: Math.round((total * step) / steps) });
  }
  await emit({ status: 'verifying conversion' });
  const size = Math.round(total * quantization.ratio);
  return {
    ...content,
    spec: {
      ...content.spec,
      quantizationLevel: quantization.level,
      fileType: quantization.fileType,
      sizeBytes: size,
    },
    modelLayer: {
      mediaType: content.modelLayer.mediaType,
      digest: `sha256:${sha256Hex(`${content.modelLayer.digest}@${quantization.level}`)}`,
      size,
    },
  };
}
