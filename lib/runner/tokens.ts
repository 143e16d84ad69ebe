// Token estimate for text whose usage was not recorded: ~4 characters per token for English (OpenAI's rule of thumb).
export function approxTokens(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.ceil(text.length / 4));
}
