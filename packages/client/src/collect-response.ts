import type { ChatResult, ChatStream, GenerateResult, GenerateStream } from './client-types';
import type { ChatResponse, GenerateResponse } from './schemas/generation';
import type { Logprob, ToolCall } from './schemas/messages';

/** Gather a chat stream as Ollama does for `stream: false` (ollama-api.md §1). */
export async function collectChat(stream: ChatStream): Promise<ChatResult> {
  let content = '';
  let thinking = '';
  const toolCalls: ToolCall[] = [];
  const logprobs: Logprob[] = [];
  for await (const chunk of stream) {
    content += chunk.message.content;
    if (chunk.message.thinking) thinking += chunk.message.thinking;
    if (chunk.message.tool_calls) toolCalls.push(...chunk.message.tool_calls);
    if (chunk.logprobs) logprobs.push(...chunk.logprobs);
  }
  const final = stream.final as ChatResponse;
  const message = { ...final.message, content };
  if (thinking) message.thinking = thinking;
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  const result: ChatResult = { ...final, message, timings: stream.timings };
  if (logprobs.length > 0) result.logprobs = logprobs;
  return result;
}

/** Gather a generate stream as Ollama does for `stream: false`. */
export async function collectGenerate(stream: GenerateStream): Promise<GenerateResult> {
  let response = '';
  let thinking = '';
  const logprobs: Logprob[] = [];
  for await (const chunk of stream) {
    response += chunk.response;
    if (chunk.thinking) thinking += chunk.thinking;
    if (chunk.logprobs) logprobs.push(...chunk.logprobs);
  }
  const final = stream.final as GenerateResponse;
  const result: GenerateResult = { ...final, response, timings: stream.timings };
  if (thinking) result.thinking = thinking;
  if (logprobs.length > 0) result.logprobs = logprobs;
  return result;
}
