import { hashString } from './random.js';

/** One entry of `logprobs` (api.Logprob: token, logprob, bytes, top_logprobs). */
export interface Logprob {
  token: string;
  logprob: number;
  bytes: number[];
  top_logprobs?: Array<{ token: string; logprob: number; bytes: number[] }>;
}

const alternatives = [' the', ' a', ',', '.', ' and', ' of', ' to', ' is'];
const encoder = new TextEncoder();

/** Made-up but stable log probabilities for a generated token; the chosen token is the most likely. */
export function logprobsFor(token: string, top: number): Logprob[] {
  const logprob = -((hashString(token) % 1000) / 1000) * 0.5;
  const entry: Logprob = { token, logprob, bytes: [...encoder.encode(token)] };
  if (top > 0) {
    const others = alternatives.filter((alternative) => alternative !== token).slice(0, top - 1);
    entry.top_logprobs = [
      { token, logprob, bytes: entry.bytes },
      ...others.map((alternative, index) => ({
        token: alternative,
        logprob: logprob - 1 - index * 0.75,
        bytes: [...encoder.encode(alternative)],
      })),
    ];
  }
  return [entry];
}

/** `logprobs` of a `stream:false` answer: every token's entries, concatenated. */
export function gatherLogprobs(
  tokens: Array<{ kind: string; text?: string }>,
  top: number,
): Logprob[] {
  return tokens.flatMap((token) =>
    token.kind === 'tool_calls' || token.text === undefined ? [] : logprobsFor(token.text, top),
  );
}
