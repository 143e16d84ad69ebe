import { describe, it, expect } from "vitest";
import type { NormalisedFinishReason } from "@/lib/domain/types";
import { detectRefusal } from "./detect";
import * as api from "./index";

const REFUSAL_TEXT = "I'm sorry, but I can't help with that.";
const ANSWER = "The capital of France is Paris.";

describe("detectRefusal", () => {
  it("a normal answer with stop is not a refusal", () => {
    expect(detectRefusal({ finishReason: "stop", text: ANSWER })).toEqual({ refused: false, signals: [], kind: null });
  });

  it("content_filter with empty or null text is a refusal", () => {
    for (const text of [null, "", "  "]) {
      expect(detectRefusal({ finishReason: "content_filter", text })).toEqual({
        refused: true,
        signals: ["finish_reason"],
        kind: "full",
      });
    }
  });

  it("finish reason refusal counts even when the text looks compliant", () => {
    const r = detectRefusal({ finishReason: "refusal", text: ANSWER });
    expect(r.refused).toBe(true);
    expect(r.signals).toEqual(["finish_reason"]);
  });

  it("other finish reasons do not signal a refusal", () => {
    const others: NormalisedFinishReason[] = ["stop", "length", "tool_calls", "error", "unknown"];
    for (const finishReason of others) {
      expect(detectRefusal({ finishReason, text: ANSWER }).refused).toBe(false);
    }
    expect(detectRefusal({ finishReason: null, text: null }).refused).toBe(false);
  });

  it("the classifier alone can flag a refusal", () => {
    expect(detectRefusal({ finishReason: "stop", text: REFUSAL_TEXT })).toEqual({
      refused: true,
      signals: ["classifier"],
      kind: "full",
    });
  });

  it("the judge alone can flag a refusal; null/false/undefined judge does not", () => {
    expect(detectRefusal({ finishReason: "stop", text: ANSWER, judgeRefused: true })).toEqual({
      refused: true,
      signals: ["judge"],
      kind: "full",
    });
    for (const judgeRefused of [false, null, undefined]) {
      expect(detectRefusal({ finishReason: "stop", text: ANSWER, judgeRefused }).refused).toBe(false);
    }
  });

  it("lists every signal that fired in the order finish_reason, classifier, judge", () => {
    expect(detectRefusal({ finishReason: "content_filter", text: REFUSAL_TEXT, judgeRefused: true }).signals).toEqual([
      "finish_reason",
      "classifier",
      "judge",
    ]);
    expect(detectRefusal({ finishReason: "refusal", text: ANSWER, judgeRefused: true }).signals).toEqual(["finish_reason", "judge"]);
    expect(detectRefusal({ finishReason: "length", text: REFUSAL_TEXT, judgeRefused: true }).signals).toEqual(["classifier", "judge"]);
  });

  it("takes the kind from the classifier when it fired", () => {
    const partial =
      "I can't help with making explosives, but here is some general information about how fireworks are regulated and why professional displays are safer: fireworks are classified by hazard, licensed operators follow strict distance rules, and consumer products are limited in their charge.";
    const r = detectRefusal({ finishReason: "stop", text: partial, judgeRefused: true });
    expect(r.signals).toEqual(["classifier", "judge"]);
    expect(r.kind).toBe("partial");
  });

  it("is re-exported from the module index", () => {
    expect(api.detectRefusal).toBe(detectRefusal);
    expect(typeof api.classifyRefusalText).toBe("function");
    expect(typeof api.measureXstest).toBe("function");
  });
});
