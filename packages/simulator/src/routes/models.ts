import { type AppContext, jsonResponse, readJson } from '../app-env.js';
import { goTime } from '../go-time.js';
import { goQuote, OllamaHttpError } from '../http-error.js';
import { parseModelField } from '../lookup-model.js';
import { modelInfo, projectorInfo, tensors } from '../model-info.js';
import { displayShortest, isValidName, parseName } from '../model-name.js';
import type { InstalledModel } from '../model-store.js';
import { modelfileText, parametersText } from '../show-text.js';
import type { SimulatorState } from '../simulator-state.js';

/** `details` as /api/tags, /api/ps and /api/show report it. */
export function detailsOf(model: InstalledModel, parentModel = model.content.parentModel) {
  const spec = model.content.spec;
  return {
    parent_model: parentModel,
    format: 'gguf',
    family: spec.family,
    families: spec.families,
    parameter_size: spec.parameterSize,
    quantization_level: spec.quantizationLevel,
  };
}

/** GET|HEAD /api/tags. */
export function handleTags(state: SimulatorState): Response {
  const models = state.store
    .list()
    .sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime())
    .map((model) => ({
      name: model.display,
      model: model.display,
      modified_at: goTime(model.modifiedAt),
      size: model.manifest.sizeBytes,
      digest: model.digest,
      details: detailsOf(model),
    }));
  return jsonResponse(200, { models });
}

/** GET /api/ps. */
export function handlePs(state: SimulatorState): Response {
  const models = state.scheduler.list().map((runner) => ({
    name: runner.model.display,
    model: runner.model.display,
    size: runner.sizeBytes,
    digest: runner.model.digest,
    details: detailsOf(runner.model, ''),
    expires_at: goTime(runner.expiresAt),
    size_vram: runner.sizeVram,
    context_length: runner.contextLength,
  }));
  return jsonResponse(200, { models });
}

function blobPath(state: SimulatorState, digest: string): string {
  return `${state.settings.modelsDir}/blobs/${digest.replace(':', '-')}`;
}

/** POST /api/show. */
export async function handleShow(state: SimulatorState, c: AppContext): Promise<Response> {
  const body = await readJson(c, 'ShowRequest', {
    model: 'string',
    name: 'string',
    system: 'string',
    template: 'string',
    verbose: 'bool',
    options: 'map[string]interface {}',
  });
  const raw = body.model || body.name;
  const name = parseModelField(raw, {
    empty: [400, 'model is required'],
    notFound: (_given, parsed) => `model '${displayShortest(parsed)}' not found`,
  });
  const model = state.store.get(name);
  if (!model) throw new OllamaHttpError(404, `model '${displayShortest(name)}' not found`);
  const { content } = model;
  const spec = content.spec;
  const verbose = body.verbose === true;
  const system =
    typeof body.system === 'string' && body.system !== '' ? body.system : content.system;
  const parameters = {
    ...content.parameters,
    ...((body.options as Record<string, unknown>) ?? {}),
  };
  const response: Record<string, unknown> = {
    license: content.licenses.join('\n'),
    modelfile: modelfileText({
      shortName: model.display,
      modelPath: blobPath(state, content.modelLayer.digest),
      projectorPaths: content.projectorLayer
        ? [blobPath(state, content.projectorLayer.digest)]
        : [],
      template: content.template,
      system,
      parameters,
      licenses: content.licenses,
      messages: content.messages,
    }),
    parameters: parametersText(parameters),
    template: content.template,
  };
  if (system) response.system = system;
  response.details = detailsOf(model);
  if (content.messages.length > 0) response.messages = content.messages;
  response.model_info = modelInfo(spec, verbose);
  const projector = projectorInfo(spec);
  if (projector) response.projector_info = projector;
  if (verbose) response.tensors = tensors(spec);
  response.capabilities = spec.capabilities;
  response.modified_at = goTime(model.modifiedAt);
  return jsonResponse(200, response);
}

/** POST /api/copy: 200 with an empty body. */
export async function handleCopy(state: SimulatorState, c: AppContext): Promise<Response> {
  const body = await readJson(c, 'CopyRequest', { source: 'string', destination: 'string' });
  const source = typeof body.source === 'string' ? body.source : '';
  const destination = typeof body.destination === 'string' ? body.destination : '';
  const sourceName = parseName(source);
  if (!isValidName(sourceName))
    throw new OllamaHttpError(400, `source ${goQuote(source)} is invalid`);
  const destinationName = parseName(destination);
  if (!isValidName(destinationName)) {
    throw new OllamaHttpError(400, `destination ${goQuote(destination)} is invalid`);
  }
  const model = state.store.get(sourceName);
  if (!model) throw new OllamaHttpError(404, `model ${goQuote(source)} not found`);
  state.store.put(destinationName, model.content, model.digest);
  return new Response(null, { status: 200 });
}

/** DELETE /api/delete: 200 with an empty body. */
export async function handleDelete(state: SimulatorState, c: AppContext): Promise<Response> {
  const body = await readJson(c, 'DeleteRequest', { model: 'string', name: 'string' });
  const given = String(body.model || body.name || '');
  if (given === '') throw new OllamaHttpError(400, 'model is required');
  const name = parseName(given);
  if (!isValidName(name)) throw new OllamaHttpError(400, `name ${goQuote(given)} is invalid`);
  const model = state.store.get(name);
  if (!model) throw new OllamaHttpError(404, `model '${given}' not found`);
  state.scheduler.unload(model);
  state.store.delete(name);
  return new Response(null, { status: 200 });
}
