import { describe, expect, it } from "vitest";
import { caseMatches, countByFilter, isJudgeError, lowerTarget, matchesQuery, type CellFacts, type FilterContext } from "./case-filter";

const ctx: FilterContext = { baseline: "base", target: "cand", judged: true, settled: true };
const cell = (model: string, quality: number | null, extra: Partial<CellFacts> = {}): CellFacts => ({
  model,
  status: "done",
  refused: false,
  judgment: quality === null ? null : { status: "done", quality, refused: false },
  ...extra,
});

describe("caseMatches", () => {
  it("lower: the target scored strictly below the baseline", () => {
    expect(caseMatches([cell("base", 0.9), cell("cand", 0.7)], "lower", ctx)).toBe(true);
    expect(caseMatches([cell("base", 0.7), cell("cand", 0.7)], "lower", ctx)).toBe(false);
    expect(caseMatches([cell("base", 0.6), cell("cand", 0.7)], "lower", ctx)).toBe(false);
    // Another candidate losing does not count, only the target.
    expect(caseMatches([cell("base", 0.9), cell("cand", 0.95), cell("other", 0.1)], "lower", ctx)).toBe(false);
  });

  it("lower: never for a missing score, a failed judge or a failed call, nor when the target is the baseline", () => {
    expect(caseMatches([cell("base", 0.9), cell("cand", null)], "lower", ctx)).toBe(false);
    expect(caseMatches([cell("base", 0.9), cell("cand", null, { judgment: { status: "failed", quality: null, refused: null } })], "lower", ctx)).toBe(false);
    expect(caseMatches([cell("base", 0.9), cell("cand", 0.1, { status: "failed" })], "lower", ctx)).toBe(false);
    expect(caseMatches([cell("base", 0.9), cell("cand", 0.1)], "lower", { ...ctx, target: "base" })).toBe(false);
    expect(caseMatches([cell("base", 0.9), cell("cand", 0.1)], "lower", { ...ctx, target: null })).toBe(false);
  });

  it("refusals: any answered cell flagged by the response or by the judge", () => {
    expect(caseMatches([cell("base", 0.9), cell("cand", 0.1, { refused: true })], "refusals", ctx)).toBe(true);
    expect(caseMatches([cell("base", 0.9, { judgment: { status: "done", quality: 0.9, refused: true } })], "refusals", ctx)).toBe(true);
    expect(caseMatches([cell("base", 0.9), cell("cand", 0.8)], "refusals", ctx)).toBe(false);
  });

  it("errors: any failed call", () => {
    expect(caseMatches([cell("base", 0.9), cell("cand", null, { status: "failed" })], "errors", ctx)).toBe(true);
    expect(caseMatches([cell("base", 0.9), cell("cand", null, { status: "pending" })], "errors", ctx)).toBe(false);
  });

  it("judge errors: a failed judgment, or a missing one once the run is over (never without a judge)", () => {
    const failedJudge = cell("cand", null, { judgment: { status: "failed", quality: null, refused: null } });
    expect(caseMatches([cell("base", 0.9), failedJudge], "judge_errors", ctx)).toBe(true);
    expect(caseMatches([cell("base", 0.9), cell("cand", null)], "judge_errors", ctx)).toBe(true);
    expect(caseMatches([cell("base", 0.9), cell("cand", null)], "judge_errors", { ...ctx, settled: false })).toBe(false);
    expect(isJudgeError(failedJudge, { judged: false, settled: true })).toBe(false);
    expect(caseMatches([cell("base", 0.9), cell("cand", null, { status: "failed" })], "judge_errors", ctx)).toBe(false);
  });

  it("all keeps everything; counts add up per filter", () => {
    const cases = [
      { cells: [cell("base", 0.9), cell("cand", 0.5)] },
      { cells: [cell("base", 0.9), cell("cand", 0.95, { refused: true })] },
      { cells: [cell("base", 0.9), cell("cand", null, { status: "failed" })] },
    ];
    expect(countByFilter(cases, ["all", "lower", "refusals", "errors", "judge_errors"], ctx)).toEqual({ all: 3, lower: 1, refusals: 1, errors: 1, judge_errors: 0 });
  });
});

describe("matchesQuery", () => {
  it("is case-insensitive and needs every term somewhere", () => {
    expect(matchesQuery(["Explain a Hash map", null], "hash")).toBe(true);
    expect(matchesQuery(["Explain a hash map", "buckets and keys"], "HASH buckets")).toBe(true);
    expect(matchesQuery(["Explain a hash map"], "hash tree")).toBe(false);
    expect(matchesQuery(["anything"], "   ")).toBe(true);
  });
});

describe("lowerTarget", () => {
  const base = { baseline: "b", candidates: ["c1", "c2"] };
  it("prefers the requested candidate, then the recommended model, then the first candidate", () => {
    expect(lowerTarget({ ...base, requested: "c2", recommended: "c1" })).toBe("c2");
    expect(lowerTarget({ ...base, requested: "b", recommended: "c1" })).toBe("c1");
    expect(lowerTarget({ ...base, requested: "nope", recommended: "b" })).toBe("c1");
    expect(lowerTarget({ baseline: "b", candidates: [] })).toBeNull();
  });
});
