import { beforeAll, describe, expect, it } from "vitest";
import { POST as createExperiment } from "@/app/api/experiments/route";
import { GET as getReport } from "@/app/api/experiments/[id]/report/route";
import { waitForRun } from "@/lib/runner/registry";
import type { Recommendation } from "@/lib/recommend";
import { ctx, jsonRequest, stubLog, stubLogMark, stubModel } from "./helpers";

// 20 prompts, a baseline and three candidates whose stub answers are built so the right call is known in advance:
//   base   quality 0.90, $1/$2 per 1M   -> $0.0005 per case (100 in + 200 out tokens)
//   good   quality 0.87, $0.5/$1        -> $0.00025 per case: 50% cheaper, -3.3% quality: within the -5% tolerance
//   poor   quality 0.60, $0.1/$0.2      -> cheapest, but -33% quality
//   refuse refuses everything (Anthropic stop_reason "refusal"), $0.2/$0.4
// The stub judge scores each answer from the [[quality:x]] marker its model wrote.

const PROMPTS = Array.from({ length: 20 }, (_, i) => `Question ${i + 1}: summarise topic #${i + 1} [[case:${i + 1}]]`);

beforeAll(async () => {
  await stubModel("exp-base", "openai", "quality=0.9,usage=100/200", [1, 2]);
  await stubModel("exp-good", "openai", "quality=0.87,usage=100/200", [0.5, 1]);
  await stubModel("exp-poor", "openai", "quality=0.6,usage=100/200", [0.1, 0.2]);
  await stubModel("exp-refuse", "anthropic", "refuse,usage=100/200", [0.2, 0.4]);
  await stubModel("exp-judge", "openai", "judge,usage=300/50", [0.1, 0.1]);
});

describe("an experiment end to end (gateway + stub + stub judge)", () => {
  it("recommends the cheaper candidate whose quality loss is within tolerance, with computed numbers", async () => {
    const mark = await stubLogMark();
    const res = await createExperiment(
      jsonRequest("/api/experiments", { name: "IT: known answer", prompts: PROMPTS, baseline: "exp-base", candidates: ["exp-good", "exp-poor", "exp-refuse"], judge: "exp-judge", params: { concurrency: 16 } }),
    );
    expect(res.status).toBe(201);
    const { experiment } = (await res.json()) as { experiment: { id: string; cases: number } };
    expect(experiment.cases).toBe(20);
    await waitForRun(experiment.id);

    const report = (await (await getReport(new Request("http://localhost/"), ctx(experiment.id))).json()) as Recommendation;
    expect(report.baseline_model).toBe("exp-base");
    expect(report.recommended_model).toBe("exp-good");
    expect(report.cost_reduction_percent).toBeCloseTo(50, 5);
    expect(report.quality_impact_percent).toBeCloseTo(-3.3, 1);
    expect(report.confidence).toBe("high");
    expect(report.cases).toBe(20);
    expect(report.models_compared).toBe(4);
    expect(report.reasoning).toContain("50.0%");
    const byModel = Object.fromEntries(report.models.map((m) => [m.model, m]));
    expect(byModel["exp-poor"]!.verdict).toBe("quality_drop");
    expect(byModel["exp-refuse"]!.refusal_rate_percent).toBe(100);
    expect(["refusals", "quality_drop"]).toContain(byModel["exp-refuse"]!.verdict);
    expect(byModel["exp-base"]!.cost_total_usd).toBeCloseTo(20 * 0.0005, 10);

    // Every case answered by every model exactly once, and graded once per answer.
    const log = await stubLog(mark, ["stub:quality=0.9,usage=100/200", "stub:quality=0.87,usage=100/200", "stub:quality=0.6,usage=100/200", "stub:refuse,usage=100/200", "stub:judge,usage=300/50"]);
    const answers = log.filter((l) => !l.model.includes("judge") && l.caseTag);
    expect(answers).toHaveLength(80);
    expect(new Set(answers.map((l) => `${l.model}|${l.caseTag}`)).size).toBe(80);
    expect(log.filter((l) => l.model.includes("judge"))).toHaveLength(80);
  });

  it("records judge errors apart and leaves those cases out of the paired set", async () => {
    await stubModel("exp-judge-bad", "openai", "judge,judgeMalformed,usage=300/50", [0.1, 0.1]);
    const res = await createExperiment(
      jsonRequest("/api/experiments", { prompts: PROMPTS.slice(0, 3), baseline: "exp-base", candidates: ["exp-good"], judge: "exp-judge-bad" }),
    );
    const { experiment } = (await res.json()) as { experiment: { id: string } };
    await waitForRun(experiment.id);
    const report = (await (await getReport(new Request("http://localhost/"), ctx(experiment.id))).json()) as Recommendation;
    expect(report.excluded_cases.judge_error).toBe(3);
    expect(report.recommended_model).toBe("exp-base");
    const base = report.models.find((m) => m.model === "exp-base")!;
    expect(base.judge_errors).toBe(3);
  });

  it("rejects bad experiment input with field messages", async () => {
    const cases: [unknown, string][] = [
      [{ prompts: ["a"], baseline: "exp-base", candidates: [] }, "candidates"],
      [{ prompts: ["a"], baseline: "exp-base", candidates: ["exp-base"] }, "candidates"],
      [{ prompts: ["a"], baseline: "nope", candidates: ["exp-good"] }, "baseline"],
      [{ prompts: ["a"], baseline: "exp-base", candidates: ["exp-good"], rubric: [{ name: "accuracy", weight: 0.5 }] }, "rubric"],
      [{ baseline: "exp-base", candidates: ["exp-good"] }, "prompts"],
      [{ text: '{"prompt": "ok"}\n{"nope": 1}', baseline: "exp-base", candidates: ["exp-good"] }, "text.line2"],
    ];
    for (const [body, field] of cases) {
      const r = await createExperiment(jsonRequest("/api/experiments", body));
      expect(r.status, JSON.stringify(body)).toBe(422);
      const json = (await r.json()) as { error: { fields?: Record<string, string> } };
      expect(Object.keys(json.error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
  });
});
