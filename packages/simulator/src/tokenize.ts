/**
 * The simulator's tokenizer: a word with its leading space is one token, long words are split
 * every 6 characters, and each punctuation mark is its own token. Generated text is produced
 * token by token with this same function, so `eval_count` always matches the text.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*[\p{L}\p{N}_]+|\s*[^\s\p{L}\p{N}_]|\s+$/gu;
  for (const match of text.matchAll(pattern)) {
    const piece = match[0];
    const lead = /^\s*/.exec(piece)?.[0] ?? '';
    const word = piece.slice(lead.length);
    if (word.length <= 6) {
      tokens.push(piece);
      continue;
    }
    tokens.push(lead + word.slice(0, 6));
    for (let index = 6; index < word.length; index += 6) tokens.push(word.slice(index, index + 6));
  }
  return tokens;
}

/** Number of tokens in a text. */
export function countTokens(text: string): number {
  return text === '' ? 0 : tokenize(text).length;
}
