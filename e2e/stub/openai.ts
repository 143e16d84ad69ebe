/** OpenAI chat-completions wire format. */
import type { Completion, Finish } from "./behaviour";
import { chunkText, type ResponseMeta } from "./format-common";

const FINISH: Record<Finish, string> = { stop: "stop", length: "length", refusal: "content_filter" };

function usage(c: Completion) {
  return {
    prompt_tokens: c.promptTokens,
    completion_tokens: c.completionTokens,
    total_tokens: c.promptTokens + c.completionTokens,
    prompt_tokens_details: { cached_tokens: c.cachedTokens },
  };
}

export function openaiBody(c: Completion, meta: ResponseMeta) {
  return {
    id: meta.id,
    object: "chat.completion",
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: c.text, refusal: null },
        finish_reason: FINISH[c.finish],
        logprobs: null,
      },
    ],
    usage: usage(c),
  };
}

/** SSE frames (`data: {...}\n\n`), ending with a usage chunk and `data: [DONE]`. */
export function openaiStreamFrames(c: Completion, meta: ResponseMeta): string[] {
  const base = { id: meta.id, object: "chat.completion.chunk", created: meta.created, model: meta.model };
  const frame = (o: unknown) => `data: ${JSON.stringify(o)}\n\n`;
  const choice = (delta: Record<string, unknown>, finish: string | null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  const frames = [frame(choice({ role: "assistant", content: "", refusal: null }, null))];
  for (const piece of chunkText(c.text)) frames.push(frame(choice({ content: piece }, null)));
  frames.push(frame(choice({}, FINISH[c.finish])));
  frames.push(frame({ ...base, choices: [], usage: usage(c) }));
  frames.push("data: [DONE]\n\n");
  return frames;
}

function errorType(status: number): { type: string; code: string | null } {
  if (status === 401) return { type: "invalid_request_error", code: "invalid_api_key" };
  if (status === 403) return { type: "invalid_request_error", code: "unsupported_country_region_territory" };
  if (status === 404) return { type: "invalid_request_error", code: "model_not_found" };
  if (status === 429) return { type: "requests", code: "rate_limit_exceeded" };
  if (status >= 500) return { type: "server_error", code: "server_error" };
  return { type: "invalid_request_error", code: "invalid_request" };
}

export function openaiErrorBody(status: number, message: string) {
  const { type, code } = errorType(status);
  return { error: { message, type, param: null, code } };
}
