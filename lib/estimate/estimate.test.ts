import { describe, expect, it } from "vitest";
import { DEFAULT_RUBRIC, type ModelPrice } from "@/lib/domain/types";
import { chatTokens, countRunCalls, countTokens, estimateRun, judgeTemplateTokens, renderedPromptTokens, type CountableMessage } from "./index";

// Hand-checkable counter: one token per whitespace-separated word, so "[user]\n" is 1 and "\n\n" is 0.
const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

function price(inPerM: number, outPerM: number): ModelPrice {
  return { inputPerToken: inPerM / 1e6, outputPerToken: outPerM / 1e6, cachedInputPerToken: null, currency: "USD", source: "test", date: "2026-11-27" };
}

const caseA: CountableMessage[] = [{ role: "user", content: "one two three" }];
const caseB: CountableMessage[] = [
  { role: "system", content: "be brief" },
  { role: "user", content: "four five six seven" },
];
const base = { slug: "base", price: price(1, 2), typicalCompletionTokens: 100 };
const cand = { slug: "cand", price: price(0.5, 1), typicalCompletionTokens: 50 };
const judge = { slug: "judge", price: price(1, 1), typicalCompletionTokens: 120 };

describe("chat token accounting", () => {
  it("adds 3 per message plus role and content, and 3 to prime the reply", () => {
    expect(chatTokens(caseA, words)).toBe(3 + (3 + 1 + 3)); // 10
    expect(chatTokens(caseB, words)).toBe(3 + (3 + 1 + 2) + (3 + 1 + 4)); // 17
  });

  it("counts with the real o200k_base tokenizer", () => {
    expect(countTokens("Hello world")).toBe(2);
    expect(chatTokens([{ role: "user", content: "Hello world" }], countTokens)).toBe(9);
  });

  it("renders a case for the judge as [role] blocks", () => {
    expect(renderedPromptTokens(caseA, words)).toBe(1 + 3);
    expect(renderedPromptTokens(caseB, words)).toBe(1 + 2 + 1 + 4);
  });

  it("sizes the judge template with the real tokenizer in a plausible range", () => {
    const t = judgeTemplateTokens(DEFAULT_RUBRIC);
    expect(t).toBeGreaterThan(300);
    expect(t).toBeLessThan(1000);
    // One more criterion makes the template longer.
    expect(judgeTemplateTokens([...DEFAULT_RUBRIC.map((c) => ({ ...c, weight: c.weight * 0.8 })), { name: "tone", weight: 0.2 }])).toBeGreaterThan(t);
  });
});

describe("countRunCalls", () => {
  it("is cases x models answers, minus recorded ones, plus one judge call per answer", () => {
    expect(countRunCalls({ cases: 5, models: 3, judge: true })).toEqual({ answers: 15, recorded: 0, modelCalls: 15, judgeCalls: 15, total: 30 });
    expect(countRunCalls({ cases: 5, models: 3, judge: false, recorded: 2 })).toEqual({ answers: 15, recorded: 2, modelCalls: 13, judgeCalls: 0, total: 13 });
    expect(countRunCalls({ cases: 0, models: 3, judge: true }).total).toBe(0);
  });
});

describe("estimateRun", () => {
  it("prices every model from its prompt tokens and typical answer length", () => {
    const e = estimateRun({ cases: [caseA, caseB], models: [base, cand], countTokens: words });
    // prompt tokens 10 + 17 = 27 per model; answers 2 x typical
    expect(e.models[0]).toMatchObject({ slug: "base", calls: 2, recorded: 0, promptTokens: 27, completionTokens: 200 });
    expect(e.models[0]!.costUsd).toBeCloseTo((27 * 1 + 200 * 2) / 1e6, 15); // $0.000427
    expect(e.models[1]).toMatchObject({ slug: "cand", calls: 2, promptTokens: 27, completionTokens: 100 });
    expect(e.models[1]!.costUsd).toBeCloseTo((27 * 0.5 + 100 * 1) / 1e6, 15); // $0.0001135
    expect(e.judge).toBeNull();
    expect(e.totals).toMatchObject({ calls: 4, modelCalls: 4, judgeCalls: 0, promptTokens: 54, completionTokens: 300, unpricedModels: [] });
    expect(e.totals.costUsd).toBeCloseTo(540.5 / 1e6, 15);
    expect(e.tokenizer).toBe("custom");
  });

  it("caps answers at the run's maxTokens", () => {
    const e = estimateRun({ cases: [caseA, caseB], models: [base, cand], countTokens: words, maxTokens: 60 });
    expect(e.models.map((m) => m.completionTokens)).toEqual([120, 100]);
  });

  it("adds one judge call per answer, reading the template, the prompt and that answer", () => {
    const e = estimateRun({ cases: [caseA, caseB], models: [base, cand], judge, countTokens: words });
    const T = judgeTemplateTokens(DEFAULT_RUBRIC, words);
    // Per model: 2 templates + rendered prompts (4 + 8); answers: base 2 x 100, cand 2 x 50.
    const promptTokens = 2 * (2 * T + 12) + 200 + 100;
    expect(e.judge).toMatchObject({ slug: "judge", calls: 4, promptTokens, completionTokens: 4 * 120, tokens: promptTokens + 480 });
    expect(e.judge!.costUsd).toBeCloseTo((promptTokens + 480) / 1e6, 15);
    expect(e.totals.calls).toBe(8);
    expect(e.totals.judgeCalls).toBe(4);
    expect(e.totals.costUsd).toBeCloseTo((427 + 113.5 + promptTokens + 480) / 1e6, 15);
  });

  it("does not call the baseline for recorded answers, but still judges them", () => {
    const e = estimateRun({ cases: [caseA, caseB], recordedBaseline: ["a recorded answer here", null], models: [base, cand], judge, countTokens: words });
    expect(e.models[0]).toMatchObject({ calls: 1, recorded: 1, promptTokens: 17, completionTokens: 100 });
    expect(e.models[1]).toMatchObject({ calls: 2, recorded: 0, promptTokens: 27 });
    const T = judgeTemplateTokens(DEFAULT_RUBRIC, words);
    // base's answers: the recorded one (4 words) and one typical (100); cand: 2 x 50.
    expect(e.judge).toMatchObject({ calls: 4, promptTokens: 2 * (2 * T + 12) + 4 + 100 + 100 });
    expect(e.totals).toMatchObject({ modelCalls: 3, judgeCalls: 4, calls: 7 });
  });

  it("reports an unknown price as null — never 0 — and says which model it is", () => {
    const unpriced = { slug: "mystery", price: null, typicalCompletionTokens: 80 };
    const e = estimateRun({ cases: [caseA], models: [base, unpriced], countTokens: words });
    expect(e.models[1]!.costUsd).toBeNull();
    expect(e.totals.costUsd).toBeNull();
    expect(e.totals.unpricedModels).toEqual(["mystery"]);
    expect(e.totals.knownCostUsd).toBeCloseTo((10 * 1 + 100 * 2) / 1e6, 15);
  });

  it("uses the o200k_base tokenizer by default", () => {
    const e = estimateRun({ cases: [[{ role: "user", content: "Hello world" }]], models: [base] });
    expect(e.tokenizer).toBe("o200k_base");
    expect(e.models[0]!.promptTokens).toBe(9);
    expect(e.models[0]!.costUsd).toBeCloseTo((9 * 1 + 100 * 2) / 1e6, 15);
  });

  it("past the character budget, tokenizes an even sample and scales the rest by its tokens per character", () => {
    const u = (content: string): CountableMessage[] => [{ role: "user", content }];
    // 110 characters of text, budget 55 -> stride 2: cases 0 and 2 are tokenized (10 words in 29 chars each), cases 1
    // and 3 (3 words in 26 chars) are scaled: round(26 x 10/29) = 9 tokens instead of the exact 3.
    const a = "aa bb cc dd ee ff gg hh ii jj";
    const b = "cccccccc dddddddd eeeeeeee";
    const cases = [u(a), u(b), u(a), u(b)];
    const e = estimateRun({ cases, models: [base], countTokens: words, exactCharBudget: 55 });
    expect(e.counting).toEqual({ method: "sampled", tokenizedCases: 2 });
    expect(e.models[0]!.promptTokens).toBe(2 * (3 + 3 + 1 + 10) + 2 * (3 + 3 + 1 + 9));
    const exact = estimateRun({ cases, models: [base], countTokens: words });
    expect(exact.counting).toEqual({ method: "exact", tokenizedCases: 4 });
    expect(exact.models[0]!.promptTokens).toBe(2 * (3 + 3 + 1 + 10) + 2 * (3 + 3 + 1 + 3));
  });
});
