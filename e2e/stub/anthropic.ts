/** Anthropic messages wire format. */
import type { Completion, Finish } from "./behaviour";
import { chunkText, type ResponseMeta } from "./format-common";

const STOP: Record<Finish, string> = { stop: "end_turn", length: "max_tokens", refusal: "refusal" };

/** Anthropic's input_tokens excludes cache reads (reported separately). */
function usage(c: Completion) {
  return {
    input_tokens: Math.max(0, c.promptTokens - c.cachedTokens),
    output_tokens: c.completionTokens,
    cache_read_input_tokens: c.cachedTokens,
    cache_creation_input_tokens: 0,
  };
}

export function anthropicBody(c: Completion, meta: ResponseMeta) {
  return {
    id: meta.id,
    type: "message",
    role: "assistant",
    model: meta.model,
    content: [{ type: "text", text: c.text }],
    stop_reason: STOP[c.finish],
    stop_sequence: null,
    usage: usage(c),
  };
}

/** SSE frames (`event: <type>\ndata: {...}\n\n`) following Anthropic's streaming protocol. */
export function anthropicStreamFrames(c: Completion, meta: ResponseMeta): string[] {
  const frame = (o: { type: string } & Record<string, unknown>) => `event: ${o.type}\ndata: ${JSON.stringify(o)}\n\n`;
  const u = usage(c);
  const frames = [
    frame({
      type: "message_start",
      message: {
        id: meta.id,
        type: "message",
        role: "assistant",
        model: meta.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...u, output_tokens: 1 },
      },
    }),
    frame({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }),
    frame({ type: "ping" }),
  ];
  for (const piece of chunkText(c.text)) {
    frames.push(frame({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: piece } }));
  }
  frames.push(frame({ type: "content_block_stop", index: 0 }));
  frames.push(
    frame({
      type: "message_delta",
      delta: { stop_reason: STOP[c.finish], stop_sequence: null },
      usage: { output_tokens: c.completionTokens },
    }),
  );
  frames.push(frame({ type: "message_stop" }));
  return frames;
}

function errorType(status: number): string {
  switch (status) {
    case 400:
      return "invalid_request_error";
    case 401:
      return "authentication_error";
    case 403:
      return "permission_error";
    case 404:
      return "not_found_error";
    case 413:
      return "request_too_large";
    case 429:
      return "rate_limit_error";
    case 529:
      return "overloaded_error";
    default:
      return status >= 500 ? "api_error" : "invalid_request_error";
  }
}

export function anthropicErrorBody(status: number, message: string) {
  return { type: "error", error: { type: errorType(status), message } };
}
