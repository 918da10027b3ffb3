/** A capability as `/api/show` reports it. */
export type Capability = 'completion' | 'tools' | 'insert' | 'vision' | 'embedding' | 'thinking';

/** One model the simulated registry can serve (and that can be installed and loaded). */
export interface ModelSpec {
  /** Canonical short name, e.g. `llama3.2:1b`. */
  name: string;
  /** Other tags with the same content, e.g. `llama3.2:latest`. */
  aliases: string[];
  description: string;
  family: string;
  families: string[];
  architecture: string;
  parameterSize: string;
  parameterCount: number;
  quantizationLevel: string;
  /** GGUF `general.file_type`. */
  fileType: number;
  /** Total size on disk (all layers plus the config blob), bytes. */
  sizeBytes: number;
  /** Vision projector blob size, bytes (part of `sizeBytes`). */
  projectorBytes?: number;
  contextLength: number;
  embeddingLength: number;
  blockCount: number;
  headCount: number;
  /** Left out for architectures whose GGUF has no such key (bert). */
  headCountKv?: number;
  feedForwardLength: number;
  vocabSize: number;
  capabilities: Capability[];
  template: string;
  system?: string;
  parameters: Record<string, unknown>;
  license: string;
}

const llamaTemplate = `{{- if .System }}<|start_header_id|>system<|end_header_id|>

{{ .System }}<|eot_id|>
{{- end }}
{{- range $i, $_ := .Messages }}
{{- $last := eq (len (slice $.Messages $i)) 1 }}<|start_header_id|>{{ .Role }}<|end_header_id|>

{{ .Content }}{{ if $last }}<|eot_id|><|start_header_id|>assistant<|end_header_id|>

{{ end }}
{{- end }}`;

const chatmlTemplate = `{{- if .System }}<|im_start|>system
{{ .System }}<|im_end|>
{{ end }}
{{- range $i, $_ := .Messages }}
{{- $last := eq (len (slice $.Messages $i)) 1 -}}
<|im_start|>{{ .Role }}
{{ .Content }}{{ if not $last }}<|im_end|>
{{ end }}
{{- if and $last (ne .Role "assistant") }}<|im_end|>
<|im_start|>assistant
{{ end }}
{{- end }}`;

const gemmaTemplate = `{{- range $i, $_ := .Messages }}
{{- $last := eq (len (slice $.Messages $i)) 1 }}
{{- if or (eq .Role "user") (eq .Role "system") }}<start_of_turn>user
{{ .Content }}<end_of_turn>
{{ if $last }}<start_of_turn>model
{{ end }}
{{- else if eq .Role "assistant" }}<start_of_turn>model
{{ .Content }}{{ if not $last }}<end_of_turn>
{{ end }}
{{- end }}
{{- end }}`;

const mistralTemplate = `{{- range $index, $_ := .Messages }}
{{- if eq .Role "user" }}[INST] {{ if and $.System (eq (len (slice $.Messages $index)) 1) }}{{ $.System }}

{{ end }}{{ .Content }}[/INST]
{{- else if eq .Role "assistant" }} {{ .Content }}</s>
{{- end }}
{{- end }}`;

const deepseekTemplate = `{{- if .System }}{{ .System }}{{ end }}
{{- range $i, $_ := .Messages }}
{{- $last := eq (len (slice $.Messages $i)) 1}}
{{- if eq .Role "user" }}<｜User｜>{{ .Content }}
{{- else if eq .Role "assistant" }}<｜Assistant｜>{{ .Content }}{{- if not $last }}<｜end▁of▁sentence｜>{{- end }}
{{- end }}
{{- if and $last (ne .Role "assistant") }}<｜Assistant｜>{{- end }}
{{- end }}`;

const embedTemplate = '{{ .Prompt }}';

const llamaLicense = `LLAMA 3.2 COMMUNITY LICENSE AGREEMENT
Llama 3.2 Version Release Date: September 25, 2024

"Agreement" means the terms and conditions for use, reproduction, distribution
and modification of the Llama Materials set forth herein.`;
const llama31License = `LLAMA 3.1 COMMUNITY LICENSE AGREEMENT
Llama 3.1 Version Release Date: July 23, 2024

"Agreement" means the terms and conditions for use, reproduction, distribution and modification of the
Llama Materials set forth herein.`;
const apacheLicense = `                                 Apache License
                           Version 2.0, January 2004
                        http://www.apache.org/licenses/`;
const mitLicense = `MIT License

Copyright (c) 2023 DeepSeek

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction.`;
const gemmaLicense = `Gemma Terms of Use

Last modified: March 24, 2025

By using, reproducing, modifying, distributing, performing or displaying any portion or element of Gemma,
Model Derivatives including via any Hosted Service, you agree to be bound by this Agreement.`;

const llamaStops = ['<|start_header_id|>', '<|end_header_id|>', '<|eot_id|>'];
const qwenParameters = {
  repeat_penalty: 1,
  stop: ['<|im_start|>', '<|im_end|>'],
  temperature: 0.6,
  top_k: 20,
  top_p: 0.95,
};

type Base = Omit<ModelSpec, 'name' | 'aliases' | 'sizeBytes' | 'parameterSize' | 'parameterCount'>;

const llama32: Omit<
  Base,
  | 'embeddingLength'
  | 'blockCount'
  | 'headCount'
  | 'feedForwardLength'
  | 'quantizationLevel'
  | 'fileType'
> = {
  description: "Meta's Llama 3.2, small models for edge devices",
  family: 'llama',
  families: ['llama'],
  architecture: 'llama',
  contextLength: 131072,
  headCountKv: 8,
  vocabSize: 128256,
  capabilities: ['completion', 'tools'],
  template: llamaTemplate,
  parameters: { stop: llamaStops },
  license: llamaLicense,
};

const qwen3: Omit<Base, 'embeddingLength' | 'blockCount' | 'headCount' | 'feedForwardLength'> = {
  description: 'Qwen3, dense models with thinking and tool use',
  family: 'qwen3',
  families: ['qwen3'],
  architecture: 'qwen3',
  quantizationLevel: 'Q4_K_M',
  fileType: 15,
  contextLength: 40960,
  headCountKv: 8,
  vocabSize: 151936,
  capabilities: ['completion', 'tools', 'thinking'],
  template: chatmlTemplate,
  parameters: qwenParameters,
  license: apacheLicense,
};

/** The built-in catalogue: sizes, quantisations and architecture numbers as the real library has them. */
export const catalogue: readonly ModelSpec[] = [
  {
    ...llama32,
    name: 'llama3.2:1b',
    aliases: [],
    parameterSize: '1.2B',
    parameterCount: 1_235_814_432,
    quantizationLevel: 'Q8_0',
    fileType: 7,
    sizeBytes: 1_321_098_329,
    embeddingLength: 2048,
    blockCount: 16,
    headCount: 32,
    feedForwardLength: 8192,
  },
  {
    ...llama32,
    name: 'llama3.2:3b',
    aliases: ['llama3.2:latest'],
    parameterSize: '3.2B',
    parameterCount: 3_212_749_888,
    quantizationLevel: 'Q4_K_M',
    fileType: 15,
    sizeBytes: 2_019_393_189,
    embeddingLength: 3072,
    blockCount: 28,
    headCount: 24,
    feedForwardLength: 8192,
  },
  {
    ...llama32,
    description: "Meta's Llama 3.1 with tool calling",
    name: 'llama3.1:8b',
    aliases: ['llama3.1:latest'],
    parameterSize: '8.0B',
    parameterCount: 8_030_261_312,
    quantizationLevel: 'Q4_K_M',
    fileType: 15,
    sizeBytes: 4_920_753_328,
    embeddingLength: 4096,
    blockCount: 32,
    headCount: 32,
    feedForwardLength: 14336,
    license: llama31License,
  },
  {
    ...llama32,
    description: "Meta's Llama 3.1, large",
    name: 'llama3.1:70b',
    aliases: [],
    parameterSize: '70.6B',
    parameterCount: 70_553_706_560,
    quantizationLevel: 'Q4_K_M',
    fileType: 15,
    sizeBytes: 42_520_413_916,
    embeddingLength: 8192,
    blockCount: 80,
    headCount: 64,
    feedForwardLength: 28672,
    license: llama31License,
  },
  {
    ...qwen3,
    name: 'qwen3:0.6b',
    aliases: [],
    parameterSize: '751.63M',
    parameterCount: 751_632_384,
    sizeBytes: 522_653_767,
    embeddingLength: 1024,
    blockCount: 28,
    headCount: 16,
    feedForwardLength: 3072,
  },
  {
    ...qwen3,
    name: 'qwen3:8b',
    aliases: ['qwen3:latest'],
    parameterSize: '8.2B',
    parameterCount: 8_190_735_360,
    sizeBytes: 5_225_388_164,
    embeddingLength: 4096,
    blockCount: 36,
    headCount: 32,
    feedForwardLength: 12288,
  },
  {
    description: 'Gemma 3, text only at this size',
    name: 'gemma3:1b',
    aliases: [],
    family: 'gemma3',
    families: ['gemma3'],
    architecture: 'gemma3',
    parameterSize: '999.89M',
    parameterCount: 999_885_952,
    quantizationLevel: 'Q4_K_M',
    fileType: 15,
    sizeBytes: 815_319_791,
    contextLength: 32768,
    embeddingLength: 1152,
    blockCount: 26,
    headCount: 4,
    headCountKv: 1,
    feedForwardLength: 6912,
    vocabSize: 262144,
    capabilities: ['completion'],
    template: gemmaTemplate,
    parameters: { stop: ['<end_of_turn>'], temperature: 1, top_k: 64, top_p: 0.95 },
    license: gemmaLicense,
  },
  {
    description: 'Gemma 3 with vision',
    name: 'gemma3:4b',
    aliases: ['gemma3:latest'],
    family: 'gemma3',
    families: ['gemma3'],
    architecture: 'gemma3',
    parameterSize: '4.3B',
    parameterCount: 4_300_079_472,
    quantizationLevel: 'Q4_K_M',
    fileType: 15,
    sizeBytes: 3_338_801_804,
    contextLength: 131072,
    embeddingLength: 2560,
    blockCount: 34,
    headCount: 8,
    headCountKv: 4,
    feedForwardLength: 10240,
    vocabSize: 262144,
    capabilities: ['completion', 'vision'],
    template: gemmaTemplate,
    parameters: { stop: ['<end_of_turn>'], temperature: 1, top_k: 64, top_p: 0.95 },
    license: gemmaLicense,
  },
  {
    description: 'LLaVA 1.6, a vision-language model with a CLIP projector',
    name: 'llava:7b',
    aliases: ['llava:latest'],
    family: 'llama',
    families: ['llama', 'clip'],
    architecture: 'llama',
    parameterSize: '7B',
    parameterCount: 7_241_732_096,
    quantizationLevel: 'Q4_0',
    fileType: 2,
    sizeBytes: 4_733_363_377,
    projectorBytes: 624_434_344,
    contextLength: 32768,
    embeddingLength: 4096,
    blockCount: 32,
    headCount: 32,
    headCountKv: 8,
    feedForwardLength: 14336,
    vocabSize: 32000,
    capabilities: ['completion', 'vision'],
    template: mistralTemplate,
    parameters: { stop: ['[INST]', '[/INST]'] },
    license: apacheLicense,
  },
  {
    description: 'Mistral 7B v0.3 with function calling',
    name: 'mistral:7b',
    aliases: ['mistral:latest'],
    family: 'llama',
    families: ['llama'],
    architecture: 'llama',
    parameterSize: '7.2B',
    parameterCount: 7_248_023_552,
    quantizationLevel: 'Q4_K_M',
    fileType: 15,
    sizeBytes: 4_372_824_384,
    contextLength: 32768,
    embeddingLength: 4096,
    blockCount: 32,
    headCount: 32,
    headCountKv: 8,
    feedForwardLength: 14336,
    vocabSize: 32768,
    capabilities: ['completion', 'tools'],
    template: mistralTemplate,
    parameters: { stop: ['[INST]', '[/INST]'] },
    license: apacheLicense,
  },
  {
    description: 'DeepSeek-R1 distilled into Qwen 2.5, a reasoning model',
    name: 'deepseek-r1:7b',
    aliases: [],
    family: 'qwen2',
    families: ['qwen2'],
    architecture: 'qwen2',
    parameterSize: '7.6B',
    parameterCount: 7_615_616_512,
    quantizationLevel: 'Q4_K_M',
    fileType: 15,
    sizeBytes: 4_683_075_271,
    contextLength: 131072,
    embeddingLength: 3584,
    blockCount: 28,
    headCount: 28,
    headCountKv: 4,
    feedForwardLength: 18944,
    vocabSize: 152064,
    capabilities: ['completion', 'thinking'],
    template: deepseekTemplate,
    parameters: {
      stop: ['<｜begin▁of▁sentence｜>', '<｜end▁of▁sentence｜>', '<｜User｜>', '<｜Assistant｜>'],
    },
    license: mitLicense,
  },
  {
    description: 'Qwen 2.5 Coder with fill-in-the-middle and tools',
    name: 'qwen2.5-coder:7b',
    aliases: ['qwen2.5-coder:latest'],
    family: 'qwen2',
    families: ['qwen2'],
    architecture: 'qwen2',
    parameterSize: '7.6B',
    parameterCount: 7_615_616_512,
    quantizationLevel: 'Q4_K_M',
    fileType: 15,
    sizeBytes: 4_683_087_519,
    contextLength: 32768,
    embeddingLength: 3584,
    blockCount: 28,
    headCount: 28,
    headCountKv: 4,
    feedForwardLength: 18944,
    vocabSize: 152064,
    capabilities: ['completion', 'tools', 'insert'],
    template: chatmlTemplate,
    system: 'You are Qwen, created by Alibaba Cloud. You are a helpful assistant.',
    parameters: {},
    license: apacheLicense,
  },
  {
    description: 'OpenAI gpt-oss, reasoning levels and tools',
    name: 'gpt-oss:20b',
    aliases: ['gpt-oss:latest'],
    family: 'gptoss',
    families: ['gptoss'],
    architecture: 'gptoss',
    parameterSize: '20.9B',
    parameterCount: 20_914_757_184,
    quantizationLevel: 'MXFP4',
    fileType: 38,
    sizeBytes: 13_780_173_839,
    contextLength: 131072,
    embeddingLength: 2880,
    blockCount: 24,
    headCount: 64,
    headCountKv: 8,
    feedForwardLength: 2880,
    vocabSize: 201088,
    capabilities: ['completion', 'tools', 'thinking'],
    template: '{{ .Prompt }}',
    parameters: { temperature: 1 },
    license: apacheLicense,
  },
  {
    description: 'nomic-embed-text v1.5, a text embedding model',
    name: 'nomic-embed-text:latest',
    aliases: ['nomic-embed-text:v1.5'],
    family: 'nomic-bert',
    families: ['nomic-bert'],
    architecture: 'nomic-bert',
    parameterSize: '137M',
    parameterCount: 136_727_040,
    quantizationLevel: 'F16',
    fileType: 1,
    sizeBytes: 274_302_450,
    contextLength: 2048,
    embeddingLength: 768,
    blockCount: 12,
    headCount: 12,
    feedForwardLength: 3072,
    vocabSize: 30522,
    capabilities: ['embedding'],
    template: embedTemplate,
    parameters: { num_ctx: 8192 },
    license: apacheLicense,
  },
  {
    description: 'mxbai-embed-large, a BERT-large embedding model',
    name: 'mxbai-embed-large:latest',
    aliases: ['mxbai-embed-large:335m'],
    family: 'bert',
    families: ['bert'],
    architecture: 'bert',
    parameterSize: '334M',
    parameterCount: 334_090_240,
    quantizationLevel: 'F16',
    fileType: 1,
    sizeBytes: 669_615_493,
    contextLength: 512,
    embeddingLength: 1024,
    blockCount: 24,
    headCount: 16,
    feedForwardLength: 4096,
    vocabSize: 30522,
    capabilities: ['embedding'],
    template: embedTemplate,
    parameters: {},
    license: apacheLicense,
  },
];

/**
 * Installed when `models` is not given: a chat model with tools and thinking, a vision model
 * and an embedding model.
 */
export const defaultModels: readonly string[] = [
  'qwen3:0.6b',
  'gemma3:4b',
  'nomic-embed-text:latest',
];
