import { describe, expect, it } from "vitest";
import type { CaseResult } from "@/lib/domain/types";
import { additionalCasesToSettle, mean, pairedBootstrapRelativeChangeCI } from "@/lib/stats";
import { recommend } from "./recommend";
import type { ModelAggregate, Recommendation } from "./types";

interface Spec {
  quality?: (i: number) => number;
  cost?: (i: number) => number | null;
  refused?: (i: number) => boolean;
  error?: (i: number) => boolean;
  judgeError?: (i: number) => boolean;
  latency?: (i: number) => number;
}

function cells(model: string, n: number, spec: Spec = {}): CaseResult[] {
  return Array.from({ length: n }, (_, i) => {
    const error = spec.error?.(i) ?? false;
    const judgeError = !error && (spec.judgeError?.(i) ?? false);
    return {
      caseId: `case-${String(i).padStart(4, "0")}`, // padded: the recommendation orders cases by id
      model,
      quality: error || judgeError ? null : (spec.quality?.(i) ?? 0.8),
      error,
      judgeError,
      refused: !error && (spec.refused?.(i) ?? false),
      costUsd: error ? null : spec.cost ? spec.cost(i) : 0.002,
      latencyMs: error ? null : (spec.latency?.(i) ?? 500),
    };
  });
}

/** Baseline quality: 0.50, 0.54, ..., 0.86 repeating; mean 0.68 over any multiple of 10 cases. */
const baseQ = (i: number) => 0.5 + 0.04 * (i % 10);
const alt = (i: number, x: number) => (i % 2 === 0 ? x : -x);

function agg(r: Recommendation, model: string): ModelAggregate {
  const m = r.models.find((x) => x.model === model);
  if (!m) throw new Error(`no aggregate for ${model}`);
  return m;
}

describe("recommend: a cheaper acceptable candidate wins", () => {
  const n = 100;
  const results = [
    ...cells("base", n, { quality: baseQ, cost: () => 0.002, latency: (i) => i * 10 }),
    // 0.0136 below on average = -2.0% of 0.68; +-0.01 noise keeps the interval non-degenerate
    ...cells("cheap", n, { quality: (i) => baseQ(i) - 0.0136 + alt(i, 0.01), cost: () => 0.0012 }),
    ...cells("okay", n, { quality: baseQ, cost: () => 0.0015 }),
    ...cells("dear", n, { quality: baseQ, cost: () => 0.0025 }),
    ...cells("bad", n, { quality: (i) => 0.8 * baseQ(i), cost: () => 0.0008 }),
  ];
  const r = recommend({ baseline: "base", candidates: ["dear", "cheap", "bad", "okay"], results, seed: 1 });

  it("picks the largest cost reduction among qualifying candidates", () => {
    expect(r.baseline_model).toBe("base");
    expect(r.recommended_model).toBe("cheap");
    expect(r.cost_reduction_percent).toBe(40); // (0.002 - 0.0012) / 0.002
    expect(r.quality_impact_percent).toBe(-2); // -0.0136 / 0.68
    expect(r.confidence).toBe("high");
    expect(r.quality_impact_ci![0]).toBeLessThanOrEqual(-1.5);
    expect(r.quality_impact_ci![0]).toBeGreaterThan(-5);
    expect(r.quality_impact_ci![1]).toBeGreaterThanOrEqual(-2);
    expect(r.cases_needed).toBeNull();
    expect(r.upgrade_model).toBeNull();
    expect(r.models_compared).toBe(5);
    expect(r.cases).toBe(100);
    expect(r.paired_cases).toBe(100);
    expect(r.refusal_rate_percent).toBe(0);
    expect(r.excluded_cases).toEqual({ judge_error: 0, model_error: 0 });
  });

  it("gives every candidate a verdict and the figures of the report", () => {
    expect(agg(r, "base").verdict).toBe("baseline");
    expect(agg(r, "okay").verdict).toBe("acceptable");
    expect(agg(r, "okay").cost_change_percent).toBe(-25);
    expect(agg(r, "dear").verdict).toBe("too_costly");
    expect(agg(r, "dear").reason).toContain("costs 25.0% more");
    expect(agg(r, "bad").verdict).toBe("quality_drop");
    expect(agg(r, "bad").quality_change_percent).toBe(-20);
    expect(agg(r, "bad").quality_change_ci).toEqual([-20, -20]); // every case is exactly 20% lower
    const base = agg(r, "base");
    expect(base.quality_mean).toBeCloseTo(0.68, 12);
    expect(base.quality_ci![0]).toBeLessThan(0.68);
    expect(base.quality_ci![1]).toBeGreaterThan(0.68);
    expect(base.quality_change_percent).toBeNull();
    expect(base.cost_mean_usd).toBeCloseTo(0.002, 12);
    expect(base.cost_total_usd).toBeCloseTo(0.2, 12);
    expect(base.latency_p50_ms).toBe(495); // latencies 0, 10, ..., 990
    expect(base.latency_p95_ms).toBeCloseTo(940.5, 9); // h = 99 * 0.95 = 94.05
    expect(base.error_rate_percent).toBe(0);
    expect(base.refusal_ci_percent![0]).toBe(0);
  });

  it("explains the switch with the computed numbers", () => {
    const [lo, hi] = r.quality_impact_ci!;
    expect(r.reasoning).toBe(
      `Switching from base to cheap reduces cost by 40.0% with -2.0% quality impact (95% CI ${lo.toFixed(1)}% to ${hi.toFixed(1)}%) ` +
        "on 100 paired cases; refusal rate 0.0% vs 0.0%.",
    );
  });
});

describe("recommend: nothing qualifies", () => {
  const n = 100;
  const results = [
    ...cells("base", n, { quality: baseQ, cost: () => 0.002 }),
    ...cells("better", n, { quality: (i) => 1.08 * baseQ(i), cost: () => 0.0021 }), // +8% quality, +5% cost
    ...cells("premium", n, { quality: (i) => 1.12 * baseQ(i), cost: () => 0.004 }), // +12%, but twice the cost
    ...cells("cheap-bad", n, { quality: (i) => 0.9 * baseQ(i), cost: () => 0.001 }),
    ...cells("flaky", n, { quality: baseQ, cost: () => 0.001, error: (i) => i % 10 === 3 }),
  ];
  const r = recommend({ baseline: "base", candidates: ["premium", "better", "cheap-bad", "flaky"], results, seed: 1 });

  it("keeps the baseline and names the upgrade at similar cost", () => {
    expect(r.recommended_model).toBe("base");
    expect(r.confidence).toBe("none");
    expect(r.cost_reduction_percent).toBe(0);
    expect(r.quality_impact_percent).toBe(0);
    expect(r.quality_impact_ci).toBeNull();
    expect(r.upgrade_model).toBe("better");
    expect(agg(r, "better").verdict).toBe("upgrade");
    expect(agg(r, "better").quality_change_percent).toBe(8);
    expect(agg(r, "better").cost_change_percent).toBe(5);
    expect(agg(r, "premium").verdict).toBe("too_costly");
    expect(agg(r, "cheap-bad").verdict).toBe("quality_drop");
    expect(agg(r, "flaky").verdict).toBe("errors");
    expect(agg(r, "flaky").error_rate_percent).toBe(10);
    expect(agg(r, "flaky").errors).toBe(10);
  });

  it("says why the main rivals failed and reports excluded cases", () => {
    expect(r.reasoning).toContain("Keep base: no candidate is cheaper with quality within -5.0%");
    expect(r.reasoning).toContain("cheap-bad quality -10.0% (95% CI -10.0% to -10.0%) is below the -5.0% tolerance");
    expect(r.reasoning).toContain("flaky error rate 10.0% exceeds the 5.0% limit");
    expect(r.reasoning).toContain("better costs 5.0% more than the baseline");
    expect(r.reasoning).toContain("1 more also fail");
    expect(r.reasoning).toContain("better is better, quality +8.0%");
    expect(r.reasoning).toContain("at +5.0% cost: consider it as an upgrade");
    expect(r.excluded_cases).toEqual({ judge_error: 0, model_error: 10 });
    expect(r.reasoning).toContain("10 cases without a score from every model left the comparisons (10 model errors)");
  });

  it("names no upgrade when the better model costs more than 1.1x", () => {
    const r2 = recommend({ baseline: "base", candidates: ["premium", "cheap-bad"], results, seed: 1 });
    expect(r2.recommended_model).toBe("base");
    expect(r2.upgrade_model).toBeNull();
    expect(r2.models.map((m) => m.verdict)).toEqual(["baseline", "too_costly", "quality_drop"]);
  });
});

describe("recommend: refusal veto", () => {
  const n = 100;
  const results = [
    ...cells("base", n, { quality: baseQ, refused: (i) => i === 0 }), // 1%
    ...cells("refuser", n, { quality: baseQ, cost: () => 0.001, refused: (i) => i % 20 === 0 }), // 5%
    ...cells("edge", n, { quality: baseQ, cost: () => 0.0015, refused: (i) => i % 50 === 0 }), // 2%: +1 point, allowed
  ];
  const r = recommend({ baseline: "base", candidates: ["refuser", "edge"], results });

  it("vetoes a cheaper model that refuses more than the tolerance allows", () => {
    expect(agg(r, "refuser").verdict).toBe("refusals");
    expect(agg(r, "refuser").reason).toBe("refusal rate 5.0% vs 1.0% for the baseline (+4.0 points, tolerance +1.0)");
    expect(agg(r, "refuser").refusal_ci_percent).toEqual([2.2, 11.2]); // Wilson 5/100
    expect(r.recommended_model).toBe("edge");
    expect(r.cost_reduction_percent).toBe(25);
    expect(r.refusal_rate_percent).toBe(2);
    expect(r.quality_impact_ci).toEqual([0, 0]);
    expect(r.confidence).toBe("high");
    expect(r.reasoning).toContain("refusal rate 2.0% vs 1.0%");
  });

  it("respects a stricter refusal tolerance", () => {
    const strict = recommend({
      baseline: "base",
      candidates: ["refuser", "edge"],
      results,
      tolerances: { qualityDropPercent: 5, refusalRisePoints: 0.5, maxErrorRatePercent: 5 },
    });
    expect(strict.recommended_model).toBe("base");
    expect(agg(strict, "edge").verdict).toBe("refusals");
  });
});

describe("recommend: unknown prices", () => {
  const n = 50;
  const results = [
    ...cells("base", n, { quality: baseQ }),
    ...cells("mystery", n, { quality: baseQ, cost: () => null }),
    ...cells("partial", n, { quality: baseQ, cost: (i) => (i === 7 ? null : 0.0001) }),
  ];

  it("never recommends a model whose price is unknown", () => {
    const r = recommend({ baseline: "base", candidates: ["mystery", "partial"], results });
    expect(r.recommended_model).toBe("base");
    expect(r.upgrade_model).toBeNull();
    expect(agg(r, "mystery").verdict).toBe("unknown_price");
    expect(agg(r, "mystery").cost_mean_usd).toBeNull();
    expect(agg(r, "mystery").cost_total_usd).toBeNull();
    expect(agg(r, "mystery").cost_change_percent).toBeNull();
    expect(agg(r, "mystery").quality_change_percent).toBe(0);
    expect(agg(r, "partial").verdict).toBe("unknown_price");
    expect(r.reasoning).toContain("mystery price unknown");
  });

  it("compares no costs when the baseline's price is unknown", () => {
    const r = recommend({
      baseline: "base",
      candidates: ["cheap"],
      results: [...cells("base", n, { quality: baseQ, cost: () => null }), ...cells("cheap", n, { quality: baseQ, cost: () => 0.0001 })],
    });
    expect(r.recommended_model).toBe("base");
    expect(agg(r, "cheap").verdict).toBe("unknown_price");
    expect(agg(r, "cheap").reason).toContain("baseline's price is unknown");
  });
});

describe("recommend: low confidence", () => {
  // -0.0204 on average = -3.0% of 0.68, with +-0.12 per-case noise: the point estimate is inside -5%, the interval is not.
  const spec = (n: number) => [
    ...cells("base", n, { quality: baseQ, cost: () => 0.002 }),
    ...cells("cand", n, { quality: (i) => baseQ(i) - 0.0204 + alt(i, 0.12), cost: () => 0.001 }),
  ];

  it("recommends with low confidence and estimates the cases still needed", () => {
    const n = 30;
    const r = recommend({ baseline: "base", candidates: ["cand"], results: spec(n), seed: 5, iterations: 2000 });
    expect(r.recommended_model).toBe("cand");
    expect(r.confidence).toBe("low");
    expect(r.quality_impact_percent).toBe(-3);
    expect(r.cost_reduction_percent).toBe(50);
    expect(r.quality_impact_ci![0]).toBeLessThan(-5);

    const base = Array.from({ length: n }, (_, i) => baseQ(i));
    const cand = Array.from({ length: n }, (_, i) => baseQ(i) - 0.0204 + alt(i, 0.12));
    const boot = pairedBootstrapRelativeChangeCI(base, cand, { seed: 5, iterations: 2000 })!;
    const expected = additionalCasesToSettle({ n, estimate: boot.estimate, interval: boot.interval, threshold: -5 });
    expect(r.cases_needed).toBe(expected);
    expect(r.cases_needed).toBeGreaterThan(100);
    expect(r.reasoning).toContain(`Confidence is low: the interval's lower bound is below the -5.0% tolerance; roughly ${expected} more cases would settle it.`);
  });

  it("becomes high once well over that many cases agree", () => {
    const r = recommend({ baseline: "base", candidates: ["cand"], results: spec(600), seed: 5 });
    expect(r.quality_impact_percent).toBe(-3);
    expect(r.confidence).toBe("high");
    expect(r.cases_needed).toBeNull();
  });
});

describe("recommend: ties on cost", () => {
  const n = 40;
  const results = [
    ...cells("base", n, { quality: baseQ, cost: () => 0.002 }),
    // 1e-15 cheaper, i.e. equal within 1e-9 relative: the tie goes to quality
    ...cells("worse", n, { quality: (i) => 0.98 * baseQ(i), cost: () => 0.001 - 1e-15 }),
    ...cells("better", n, { quality: (i) => 0.99 * baseQ(i), cost: () => 0.001 }),
  ];

  it("prefers the higher quality whatever the candidates' order", () => {
    for (const candidates of [["worse", "better"], ["better", "worse"]]) {
      const r = recommend({ baseline: "base", candidates, results });
      expect(r.recommended_model).toBe("better");
      expect(r.quality_impact_percent).toBe(-1);
      expect(agg(r, "worse").verdict).toBe("acceptable");
      expect(agg(r, "worse").reason).toContain("better is preferred");
    }
  });

  it("still takes a clearly larger saving over higher quality", () => {
    const r = recommend({
      baseline: "base",
      candidates: ["better", "cheaper"],
      results: [...results, ...cells("cheaper", n, { quality: (i) => 0.97 * baseQ(i), cost: () => 0.0009 })],
    });
    expect(r.recommended_model).toBe("cheaper");
    expect(r.cost_reduction_percent).toBe(55);
  });
});

describe("recommend: judge and model errors", () => {
  const n = 100;
  const judgeFails = (i: number) => i % 20 === 1; // 5 cases
  const callFails = (i: number) => i === 50 || i === 51; // 2 cases
  const candQ = (i: number) => baseQ(i) - 0.01 + (judgeFails(i) || callFails(i) ? 0 : alt(i, 0.02));
  const results = [
    ...cells("base", n, { quality: baseQ, cost: (i) => 0.001 * (1 + (i % 4)), judgeError: (i) => i === 99 }),
    ...cells("cand", n, {
      quality: candQ,
      cost: (i) => 0.0004 * (1 + (i % 4)),
      judgeError: judgeFails,
      error: callFails,
    }),
  ];
  const r = recommend({ baseline: "base", candidates: ["cand"], results, seed: 3 });

  it("leaves failed cells out of the paired set and counts why", () => {
    const cand = agg(r, "cand");
    expect(cand.excluded_cases).toEqual({ judge_error: 6, model_error: 2 }); // 5 + the baseline's 1
    expect(cand.paired_cases).toBe(92);
    expect(cand.judge_errors).toBe(5);
    expect(cand.errors).toBe(2);
    expect(cand.error_rate_percent).toBe(2);
    expect(cand.answered).toBe(98);
    expect(cand.judged).toBe(93);
    expect(agg(r, "base").judge_errors).toBe(1);
    expect(r.excluded_cases).toEqual({ judge_error: 6, model_error: 2 });
    expect(r.paired_cases).toBe(92);
  });

  it("computes quality on the paired cases and cost on the cases both answered", () => {
    const paired = Array.from({ length: n }, (_, i) => i).filter((i) => !judgeFails(i) && !callFails(i) && i !== 99);
    const expectedQuality = (100 * (mean(paired.map(candQ)) - mean(paired.map(baseQ)))) / mean(paired.map(baseQ));
    expect(r.quality_impact_percent).toBe(Math.round(expectedQuality * 10) / 10);
    expect(r.cost_reduction_percent).toBe(60); // 0.0004k vs 0.001k on every case
    expect(r.recommended_model).toBe("cand");
    expect(r.reasoning).toContain("on 92 paired cases (8 excluded: 6 judge errors, 2 model errors)");
  });
});

describe("recommend: determinism and edge cases", () => {
  const n = 60;
  const results = [
    ...cells("base", n, { quality: baseQ }),
    ...cells("cand", n, { quality: (i) => baseQ(i) - 0.02 + alt(i, 0.05), cost: () => 0.001 }),
  ];

  it("returns identical output for the same seed", () => {
    const a = recommend({ baseline: "base", candidates: ["cand"], results, seed: 7 });
    const b = recommend({ baseline: "base", candidates: ["cand"], results: [...results].reverse(), seed: 7 });
    expect(b).toEqual(a);
    const c = recommend({ baseline: "base", candidates: ["cand"], results, seed: 8, iterations: 500 });
    expect(c.quality_impact_percent).toBe(a.quality_impact_percent);
  });

  it("ignores the baseline and duplicates in the candidate list", () => {
    const r = recommend({ baseline: "base", candidates: ["base", "cand", "cand"], results });
    expect(r.models_compared).toBe(2);
    expect(r.models.map((m) => m.model)).toEqual(["base", "cand"]);
  });

  it("keeps the baseline when there are no candidates", () => {
    const r = recommend({ baseline: "base", candidates: [], results });
    expect(r.recommended_model).toBe("base");
    expect(r.confidence).toBe("none");
    expect(r.reasoning).toBe("Keep base: no candidate models were compared.");
    expect(r.cases).toBe(60);
  });

  it("marks a candidate without results as having no data", () => {
    const r = recommend({ baseline: "base", candidates: ["ghost"], results });
    expect(agg(r, "ghost").cases).toBe(0);
    expect(agg(r, "ghost").verdict).toBe("unknown_price");
    expect(agg(r, "ghost").reason).toContain("no results");
    expect(r.recommended_model).toBe("base");
  });
});
