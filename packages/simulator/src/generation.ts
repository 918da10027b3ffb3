import { type JsonSchema, schemaValue } from './json-schema-value.js';
import { createRandom, hashString } from './random.js';
import { tokenize } from './tokenize.js';

/** A tool as sent in a chat request. */
export interface ToolDefinition {
  type?: string;
  function?: { name?: string; description?: string; parameters?: JsonSchema };
}

/** A tool call as Ollama sends it (ollama-api.md §4). */
export interface ToolCall {
  id: string;
  function: { index: number; name: string; arguments: Record<string, unknown> };
}

/** One planned chunk: a token of thinking or content, or a whole tool call. */
export type PlannedToken =
  | { kind: 'thinking' | 'content'; text: string }
  | { kind: 'tool_calls'; toolCalls: ToolCall[]; count: number };

export interface GenerationPlan {
  tokens: PlannedToken[];
  doneReason: 'stop' | 'length';
  /** Tokens generated: the sum over `tokens` (a tool call counts as its JSON's tokens). */
  evalCount: number;
}

export interface GenerationInput {
  /** The text the answer is about (prompt or last user message); also seeds the output. */
  prompt: string;
  seed?: number;
  temperature?: number;
  numPredict?: number;
  stop?: string[];
  think: boolean;
  tools?: ToolDefinition[];
  /** The last message was a tool result: answer from it instead of calling a tool. */
  toolResult?: { name: string; content: string };
  format?: 'json' | JsonSchema;
  images: number;
  responseTokens: { min: number; max: number };
}

const vocabulary = (
  'the a model answer question simple clear small local fast server memory token stream ' +
  'value result example data system because which while often usually also first then ' +
  'next finally this that these those it can will should would might could is are was ' +
  'be been being has have had does do makes uses gives takes shows runs keeps helps ' +
  'works good useful short long quick careful exact common other same different new old ' +
  'part idea point step case way time place detail reason effect change light sky blue ' +
  'water air sun energy heat cold warm bright dark color wave scatter short longer'
).split(' ');

const stopwords = new Set(
  'what which when where while there their about would could should these those this that with from have does your into than then them they like tell give make please explain'.split(
    ' ',
  ),
);

function topicWords(prompt: string): string[] {
  const words = prompt.toLowerCase().match(/[a-z]{4,}/g) ?? [];
  return [...new Set(words.filter((word) => !stopwords.has(word)))].slice(0, 6);
}

class Writer {
  readonly random: () => number;
  readonly topics: string[];
  constructor(random: () => number, topics: string[]) {
    this.random = random;
    this.topics = topics;
  }
  pick(count: number): number {
    return Math.floor(this.random() * count);
  }
  #last = '';
  word(): string {
    let word: string;
    do {
      word =
        this.topics.length > 0 && this.random() < 0.12
          ? (this.topics[this.pick(this.topics.length)] as string)
          : (vocabulary[this.pick(vocabulary.length)] as string);
    } while (word === this.#last);
    this.#last = word;
    return word;
  }
  /** Appends one sentence's tokens, exactly as `tokenize` would split the sentence's text. */
  sentence(into: string[], leadingSpace: boolean): void {
    const length = 6 + this.pick(9);
    const comma = length > 9 && this.random() < 0.4 ? 4 : -1;
    for (let index = 0; index < length; index++) {
      let word = this.word();
      if (index === 0) word = (word[0] ?? '').toUpperCase() + word.slice(1);
      pushWord(into, index > 0 || leadingSpace ? ` ${word}` : word);
      if (index === comma) into.push(',');
    }
    into.push('.');
  }
  paragraphTokens(targetTokens: number, prefix = ''): string[] {
    const tokens = prefix === '' ? [] : tokenize(prefix);
    while (tokens.length < targetTokens) this.sentence(tokens, tokens.length > 0);
    return tokens;
  }
  paragraph(targetTokens: number, prefix = ''): string {
    return this.paragraphTokens(targetTokens, prefix).join('');
  }
}

/** A word with its leading space, split every 6 letters as `tokenize` does. */
function pushWord(into: string[], piece: string): void {
  const lead = piece.startsWith(' ') ? 1 : 0;
  if (piece.length - lead <= 6) {
    into.push(piece);
    return;
  }
  into.push(piece.slice(0, lead + 6));
  for (let index = lead + 6; index < piece.length; index += 6)
    into.push(piece.slice(index, index + 6));
}

function seedFor(input: GenerationInput): number {
  const base = hashString(input.prompt);
  if (input.seed !== undefined && input.seed >= 0)
    return (base ^ Math.imul(input.seed | 0, 0x9e3779b1)) >>> 0;
  if (input.temperature === 0) return base;
  return Math.floor(Math.random() * 2 ** 32);
}

function chooseTool(tools: ToolDefinition[], prompt: string): ToolDefinition {
  const lower = prompt.toLowerCase();
  return (
    tools.find((tool) => {
      const name = tool.function?.name?.toLowerCase() ?? '';
      return name !== '' && (lower.includes(name) || lower.includes(name.replaceAll('_', ' ')));
    }) ?? (tools[0] as ToolDefinition)
  );
}

/** Plans the whole answer up front, deterministically for a seed (or temperature 0). */
export function planGeneration(input: GenerationInput): GenerationPlan {
  const random = createRandom(seedFor(input));
  const topics = topicWords(input.prompt);
  const writer = new Writer(random, topics);
  const { min, max } = input.responseTokens;
  const target = min + writer.pick(Math.max(1, max - min + 1));
  const tokens: PlannedToken[] = [];

  if (input.think) {
    const about = topics.slice(0, 2).join(' and ') || 'this';
    const thinking = writer.paragraphTokens(
      Math.max(8, Math.round(target / 2)),
      `Okay, the user is asking about ${about}.`,
    );
    for (const text of thinking) tokens.push({ kind: 'thinking', text });
  }

  const stops = (input.stop ?? []).filter((stop) => stop !== '');
  let content = '';
  let contentTokens: string[] | undefined;
  const wantsTool = input.tools && input.tools.length > 0 && !input.toolResult;
  if (wantsTool && input.tools) {
    const tool = chooseTool(input.tools, input.prompt);
    // Proper nouns after the first word ("weather in Paris" → Paris), else the topic words.
    const names = [...input.prompt.matchAll(/(?<!^)\b[A-Z][\p{L}-]+/gu)].map((match) => match[0]);
    const words = names.length > 0 ? [names.at(-1) as string] : topics;
    const argumentsValue = schemaValue(
      tool.function?.parameters ?? { type: 'object', properties: {} },
      {
        pick: (count) => writer.pick(count),
        word: () =>
          words.length > 0 ? (words[writer.pick(words.length)] as string) : writer.word(),
      },
    );
    const toolCall: ToolCall = {
      id: `call_${Array.from({ length: 8 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[writer.pick(36)]).join('')}`,
      function: {
        index: 0,
        name: tool.function?.name ?? 'tool',
        arguments: (argumentsValue ?? {}) as Record<string, unknown>,
      },
    };
    tokens.push({
      kind: 'tool_calls',
      toolCalls: [toolCall],
      count: tokenize(
        JSON.stringify({ name: toolCall.function.name, arguments: toolCall.function.arguments }),
      ).length,
    });
    content = '';
  } else if (input.format !== undefined) {
    const value =
      input.format === 'json'
        ? { answer: writer.paragraph(Math.min(target, 24)), topic: topics[0] ?? writer.word() }
        : schemaValue(input.format, {
            pick: (count) => writer.pick(count),
            word: () => writer.paragraph(4),
          });
    content = JSON.stringify(value);
  } else {
    let prefix = '';
    if (input.toolResult) {
      prefix = `The ${input.toolResult.name} tool returned ${input.toolResult.content.slice(0, 80).trim()}.`;
    } else if (input.images > 0) {
      prefix = input.images === 1 ? 'The image shows' : `The ${input.images} images show`;
      prefix += ` ${writer.word()} ${writer.word()}.`;
    }
    contentTokens = writer.paragraphTokens(target, prefix);
    if (stops.length > 0) content = contentTokens.join('');
  }

  let doneReason: GenerationPlan['doneReason'] = 'stop';
  let stopped = false;
  if (stops.length > 0 && content !== '') {
    let cut = -1;
    for (const stop of stops) {
      const index = content.indexOf(stop);
      if (index >= 0 && (cut < 0 || index < cut)) cut = index;
    }
    if (cut >= 0) {
      content = content.slice(0, cut);
      stopped = true;
    }
  }
  if (stopped || contentTokens === undefined) contentTokens = tokenize(content);
  for (const text of contentTokens) tokens.push({ kind: 'content', text });

  const limit = input.numPredict;
  let evalCount = 0;
  const kept: PlannedToken[] = [];
  for (const token of tokens) {
    const cost = token.kind === 'tool_calls' ? token.count : 1;
    if (limit !== undefined && limit >= 0 && evalCount + cost > limit) {
      doneReason = 'length';
      break;
    }
    kept.push(token);
    evalCount += cost;
  }
  if (stopped && doneReason !== 'length') doneReason = 'stop';
  return { tokens: kept, doneReason, evalCount };
}
