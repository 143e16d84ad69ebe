import type { NormalisedFinishReason } from "@/lib/domain/types";

// Providers name the same ending differently; the gateway passes them through with strict compliance off
// (which is what keeps Anthropic's "refusal" from turning into "stop"). The raw value is stored beside this one.
const MAP: Record<string, NormalisedFinishReason> = {
  stop: "stop",
  end_turn: "stop",
  stop_sequence: "stop",
  complete: "stop",
  eos: "stop",
  eos_token: "stop",
  finish: "stop",
  length: "length",
  max_tokens: "length",
  model_length: "length",
  content_filter: "content_filter",
  safety: "content_filter",
  recitation: "content_filter",
  blocklist: "content_filter",
  prohibited_content: "content_filter",
  spii: "content_filter",
  error_toxic: "content_filter",
  refusal: "refusal",
  tool_calls: "tool_calls",
  tool_use: "tool_calls",
  function_call: "tool_calls",
  error: "error",
  error_limit: "length",
};

export function normaliseFinishReason(raw: string | null | undefined): NormalisedFinishReason {
  if (!raw) return "unknown";
  return MAP[raw.trim().toLowerCase()] ?? "unknown";
}
