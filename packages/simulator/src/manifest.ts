import type { ModelSpec } from './catalogue.js';
import { sha256Hex } from './digest.js';

/** A manifest layer (`digest` is `sha256:<hex>`). */
export interface Layer {
  mediaType: string;
  digest: string;
  size: number;
}

/** A chat message stored in a model (MESSAGE) or sent in a request. */
export interface StoredMessage {
  role: string;
  content: string;
}

/** Everything that makes up a model's content, independent of the name it is installed under. */
export interface ModelContent {
  spec: ModelSpec;
  template: string;
  system: string;
  parameters: Record<string, unknown>;
  licenses: string[];
  messages: StoredMessage[];
  parentModel: string;
  /** Blob digest of the weights; inherited by models created `from` this one. */
  modelLayer: Layer;
  projectorLayer?: Layer;
  /** Bumped by `registry.setDigest` so that a new remote version has new weights. */
  revision: number;
}

/** A built manifest: its JSON text, its digest (hex) and its layers. */
export interface BuiltManifest {
  text: string;
  digest: string;
  config: Layer;
  layers: Layer[];
  sizeBytes: number;
}

function textLayer(mediaType: string, text: string): Layer {
  return { mediaType, digest: `sha256:${sha256Hex(text)}`, size: Buffer.byteLength(text) };
}

/** The content of a catalogue model, at a revision. The weights layer fills the rest of `sizeBytes`. */
export function catalogueContent(spec: ModelSpec, revision = 0): ModelContent {
  const content: ModelContent = {
    spec,
    template: spec.template,
    system: spec.system ?? '',
    parameters: spec.parameters,
    licenses: [spec.license],
    messages: [],
    parentModel: '',
    modelLayer: {
      mediaType: 'application/vnd.ollama.image.model',
      digest: `sha256:${sha256Hex(`${spec.name}#weights#${revision}`)}`,
      size: 0,
    },
    revision,
  };
  if (spec.projectorBytes) {
    content.projectorLayer = {
      mediaType: 'application/vnd.ollama.image.projector',
      digest: `sha256:${sha256Hex(`${spec.name}#projector#${revision}`)}`,
      size: spec.projectorBytes,
    };
  }
  const draft = buildManifest(content);
  content.modelLayer.size = spec.sizeBytes - (draft.sizeBytes - content.modelLayer.size);
  return content;
}

/** Builds the manifest for a content, as Ollama writes it under manifests/. */
export function buildManifest(content: ModelContent): BuiltManifest {
  const layers: Layer[] = [content.modelLayer];
  if (content.projectorLayer) layers.push(content.projectorLayer);
  layers.push(textLayer('application/vnd.ollama.image.template', content.template));
  if (content.system) layers.push(textLayer('application/vnd.ollama.image.system', content.system));
  if (Object.keys(content.parameters).length > 0) {
    layers.push(
      textLayer('application/vnd.ollama.image.params', JSON.stringify(content.parameters)),
    );
  }
  for (const license of content.licenses) {
    layers.push(textLayer('application/vnd.ollama.image.license', license));
  }
  if (content.messages.length > 0) {
    layers.push(
      textLayer('application/vnd.ollama.image.messages', JSON.stringify(content.messages)),
    );
  }
  const configText = JSON.stringify({
    model_format: 'gguf',
    model_family: content.spec.family,
    model_families: content.spec.families,
    model_type: content.spec.parameterSize,
    file_type: content.spec.quantizationLevel,
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.digest) },
  });
  const config = textLayer('application/vnd.docker.container.image.v1+json', configText);
  const text = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config,
    layers,
  });
  const sizeBytes = layers.reduce((total, layer) => total + layer.size, config.size);
  return { text, digest: sha256Hex(text), config, layers, sizeBytes };
}
