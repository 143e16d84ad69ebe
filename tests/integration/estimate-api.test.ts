import { beforeAll, describe, expect, it } from "vitest";
import { POST as estimate } from "@/app/api/estimate/route";
import type { RunEstimate } from "@/lib/estimate";
import { jsonRequest, stubModel } from "./helpers";

// POST /api/estimate: cases parsed like POST /api/experiments, prices from the database (overrides included).

beforeAll(async () => {
  await stubModel("est-base", "openai", "usage=1/1", [1, 2]);
  await stubModel("est-cand", "openai", "usage=1/1", [0.5, 1]);
  await stubModel("est-free", "openai", "usage=1/1");
});

const post = (body: unknown) => estimate(jsonRequest("/api/estimate", body));

describe("POST /api/estimate", () => {
  it("counts cases, calls and tokens and prices them", async () => {
    const res = await post({ text: "Hello world\nHello world\n\nHello world", baseline: "est-base", candidates: ["est-cand"], judge: "demo-judge" });
    expect(res.status).toBe(200);
    const { format, estimate: e } = (await res.json()) as { format: string; estimate: RunEstimate };
    expect(format).toBe("lines");
    expect(e.cases).toBe(3);
    expect(e.tokenizer).toBe("o200k_base");
    // "Hello world" as one user message: 3 + (3 + 1 + 2) = 9 tokens; custom models answer 300 tokens by default.
    expect(e.models[0]).toMatchObject({ slug: "est-base", calls: 3, promptTokens: 27, completionTokens: 900 });
    expect(e.models[0]!.costUsd).toBeCloseTo((27 * 1 + 900 * 2) / 1e6, 12);
    expect(e.judge).toMatchObject({ slug: "demo-judge", calls: 6 });
    expect(e.totals).toMatchObject({ modelCalls: 6, judgeCalls: 6, calls: 12, unpricedModels: [] });
    expect(e.totals.costUsd).toBeGreaterThan(0);
  });

  it("leaves an unpriced model's cost unknown (null), never 0", async () => {
    const { estimate: e } = (await (await post({ prompts: ["a", "b"], baseline: "est-base", candidates: ["est-free"] })).json()) as { estimate: RunEstimate };
    expect(e.models[1]!.costUsd).toBeNull();
    expect(e.totals.costUsd).toBeNull();
    expect(e.totals.unpricedModels).toEqual(["est-free"]);
  });

  it("skips the baseline's call for cases with a recorded answer", async () => {
    const text = ['{"prompt": "one", "response": "recorded"}', '{"prompt": "two"}'].join("\n");
    const { format, estimate: e } = (await (await post({ text, baseline: "est-base", candidates: ["est-cand"] })).json()) as { format: string; estimate: RunEstimate };
    expect(format).toBe("jsonl");
    expect(e.models[0]).toMatchObject({ calls: 1, recorded: 1 });
    expect(e.totals.modelCalls).toBe(3);
  });

  const bad: [string, unknown, number, string][] = [
    ["bad JSONL lines", { text: '{"prompt": "ok"}\n{"nope": 1}\n{broken', baseline: "est-base" }, 422, "text.line2"],
    ["no cases", { text: "   \n  ", baseline: "est-base" }, 422, "text"],
    ["an unknown model", { prompts: ["x"], baseline: "est-base", candidates: ["nope"] }, 422, "candidates.0"],
    ["the baseline as a candidate", { prompts: ["x"], baseline: "est-base", candidates: ["est-base"] }, 422, "candidates"],
    ["weights not summing to 1", { prompts: ["x"], baseline: "est-base", rubric: [{ name: "a", weight: 0.5 }] }, 422, "rubric"],
    ["both text and prompts", { prompts: ["x"], text: "y", baseline: "est-base" }, 422, "text"],
    ["more than 20,000 cases", { text: "x\n".repeat(20_001), baseline: "est-base" }, 422, "text"],
    ["an unknown field", { prompts: ["x"], baseline: "est-base", apiKey: "sk-x" }, 422, "(body)"],
  ];
  it.each(bad)("rejects %s with a 4xx naming the field", async (_name, body, status, field) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error: { fields?: Record<string, string> } };
    expect(Object.keys(json.error.fields ?? {})).toContain(field);
  });

  it("rejects invalid JSON with 400", async () => {
    expect((await post("{nope")).status).toBe(400);
  });
});
