import { describe, expect, it } from "vitest";
import { normaliseFinishReason } from "./finish-reason";

describe("normaliseFinishReason", () => {
  it.each([
    ["stop", "stop"],
    ["end_turn", "stop"],
    ["COMPLETE", "stop"],
    ["length", "length"],
    ["max_tokens", "length"],
    ["MAX_TOKENS", "length"],
    ["content_filter", "content_filter"],
    ["SAFETY", "content_filter"],
    ["refusal", "refusal"],
    ["tool_use", "tool_calls"],
    ["something_new", "unknown"],
    [null, "unknown"],
  ] as const)("%s -> %s", (raw, want) => {
    expect(normaliseFinishReason(raw)).toBe(want);
  });
});
