import { getEncoding, type Tiktoken } from "js-tiktoken";

// Prompt tokens are counted with a real BPE tokenizer: o200k_base (GPT-4o's). Other providers tokenize differently,
// so for their models this is a close approximation, not their exact count; the UI says so.

export const ESTIMATE_TOKENIZER = "o200k_base";

/** Counts the tokens of a text. Injected into estimateRun so tests can use a hand-checkable counter. */
export type TokenCounter = (text: string) => number;

let encoder: Tiktoken | undefined;

/** The encoder takes about a second to build, so it is built once per process and kept. */
function getEncoder(): Tiktoken {
  encoder ??= getEncoding(ESTIMATE_TOKENIZER);
  return encoder;
}

export const countTokens: TokenCounter = (text) => (text === "" ? 0 : getEncoder().encode(text).length);

/** Memoises a counter for the length of one estimate: system prompts and role headers repeat across cases. */
export function memoCounter(count: TokenCounter): TokenCounter {
  const seen = new Map<string, number>();
  return (text) => {
    const hit = seen.get(text);
    if (hit !== undefined) return hit;
    const n = count(text);
    // Long, one-off texts are not worth keeping; short repeated ones (system prompts, headers) are.
    if (text.length <= 20_000) seen.set(text, n);
    return n;
  };
}

// OpenAI's accounting for chat requests: each message costs its content and role plus ~3 tokens of framing, and
// every reply is primed with 3 more. Other providers frame messages similarly.
export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_PER_REPLY = 3;

export interface CountableMessage {
  role: string;
  content: string;
}

/** Prompt tokens of a chat request. */
export function chatTokens(messages: readonly CountableMessage[], count: TokenCounter): number {
  let total = TOKENS_PER_REPLY;
  for (const m of messages) total += TOKENS_PER_MESSAGE + count(m.role) + count(m.content);
  return total;
}
