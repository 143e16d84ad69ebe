import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as upload } from "@/app/api/imports/route";
import { POST as inspect } from "@/app/api/imports/[id]/inspect/route";
import { POST as estimate } from "@/app/api/imports/[id]/estimate/route";
import { POST as replay } from "@/app/api/imports/[id]/replay/route";
import { POST as extend } from "@/app/api/experiments/[id]/extend/route";
import { experimentCells } from "@/lib/db/responses";
import { listCases } from "@/lib/db/experiments";
import { waitForRun } from "@/lib/runner/registry";
import { ctx, jsonRequest, stubLog, stubLogMark, stubModel } from "./helpers";

// Uploading production logs and replaying them: recorded answers are the baseline's (never bought again),
// bad lines are reported and nothing is half-imported, a sample can be extended later from the same log.

const ALPACA = path.join(process.env.ALPACA_EVAL_DIR ?? path.resolve(__dirname, "../../../shared/data/alpaca-eval"), "gpt4_1106_preview/model_outputs.json");

async function uploadText(name: string, body: string | Uint8Array) {
  const res = await upload(new Request(`http://localhost/api/imports?name=${encodeURIComponent(name)}`, { method: "POST", body: typeof body === "string" ? body : new Blob([body as BlobPart]) }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { import: { id: string; format: string; scan: { good: number; badCount: number; bad: { reason: string }[]; duplicates: number; recordedAnswers: number } | null; csv: { columns: string[] } | null } }).import;
}

beforeAll(async () => {
  await stubModel("rp-cand", "openai", "latency=5,usage=40/80,quality=0.8", [0.1, 0.2]);
  await stubModel("rp-judge", "openai", "judge,usage=200/40", [0.05, 0.05]);
  await stubModel("rp-prod", "openai", "latency=5,usage=40/80,quality=0.9", [2, 8]);
});

describe("importing and replaying a log", () => {
  it("reads AlpacaEval's 805 gpt4_1106_preview outputs as recorded answers, and replays a sample without re-buying them", async () => {
    const up = await uploadText("model_outputs.json", new Uint8Array(readFileSync(ALPACA)));
    expect(up.format).toBe("alpaca");
    expect(up.scan).toMatchObject({ good: 805, badCount: 0, recordedAnswers: 805 });

    const est = (await (await estimate(jsonRequest(`/api/imports/${up.id}/estimate`, { baseline: "rp-prod", candidates: ["rp-cand"], judge: "rp-judge", sample: 30 }), ctx(up.id))).json()) as { cases: number; available: number; estimate: { models: { slug: string; calls: number; recorded: number }[] } };
    expect(est.cases).toBe(30);
    expect(est.available).toBe(805);
    expect(est.estimate.models.find((m) => m.slug === "rp-prod")).toMatchObject({ calls: 0, recorded: 30 });

    const mark = await stubLogMark();
    const res = await replay(jsonRequest(`/api/imports/${up.id}/replay`, { baseline: "rp-prod", candidates: ["rp-cand"], judge: "rp-judge", sample: 30 }), ctx(up.id));
    expect(res.status).toBe(201);
    const { experiment } = (await res.json()) as { experiment: { id: string; cases: number; available: number } };
    expect(experiment).toMatchObject({ cases: 30, available: 805 });
    await waitForRun(experiment.id);
    const cells = await experimentCells(experiment.id);
    const base = cells.filter((c) => c.modelSlug === "rp-prod");
    expect(base).toHaveLength(30);
    expect(base.every((c) => c.source === "recorded" && c.status === "done" && c.attempts === 0)).toBe(true);
    // Recorded answers carry no usage in AlpacaEval: their tokens are counted with the tokenizer and marked estimated.
    expect(base.every((c) => c.usageEstimated && (c.completionTokens ?? 0) > 0 && (c.costUsd ?? 0) > 0)).toBe(true);
    // Judged like live answers.
    expect(base.every((c) => c.judgment?.status === "done")).toBe(true);
    const log = await stubLog(mark, ["stub:latency=5,usage=40/80,quality=0.9", "stub:latency=5,usage=40/80,quality=0.8"]);
    expect(log.filter((l) => l.model.includes("0.9"))).toHaveLength(0); // the production model was never called
    expect(log.filter((l) => l.model.includes("0.8"))).toHaveLength(30);

    // Extend with 20 more cases from the same log: no case twice.
    const ext = (await (await extend(jsonRequest(`/api/experiments/${experiment.id}/extend`, { count: 20 }), ctx(experiment.id))).json()) as { added: number; remaining: number };
    expect(ext).toEqual({ added: 20, remaining: 805 - 30 - 20 });
    await waitForRun(experiment.id);
    const cases = await listCases(experiment.id, { limit: 100 });
    expect(cases).toHaveLength(50);
    expect(new Set(cases.map((c) => JSON.stringify(c.messages))).size).toBe(50);
    expect((await experimentCells(experiment.id)).every((c) => c.status === "done")).toBe(true);
  });

  it("reports bad lines with their numbers and imports nothing unless the good lines are accepted", async () => {
    const lines = [
      JSON.stringify({ messages: [{ role: "user", content: "Good one" }], response: "Answer", usage: { prompt_tokens: 5, completion_tokens: 3 }, model: "prod" }),
      "{ not json",
      JSON.stringify({ messages: [{ role: "user", content: "Good one" }], response: "Answer" }),
      JSON.stringify({ nothing: true }),
    ];
    const up = await uploadText("log.jsonl", lines.join("\n"));
    expect(up.scan).toMatchObject({ good: 2, badCount: 2, duplicates: 1 });
    expect(up.scan!.bad.map((b) => b.reason.split(":")[0])).toEqual(["line 2", "line 4"]);
    const refused = await replay(jsonRequest(`/api/imports/${up.id}/replay`, { baseline: "rp-prod", candidates: ["rp-cand"] }), ctx(up.id));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/2 bad line/);
    const ok = await replay(jsonRequest(`/api/imports/${up.id}/replay`, { baseline: "rp-prod", candidates: ["rp-cand"], acceptBadLines: true }), ctx(up.id));
    expect(ok.status).toBe(201);
    const { experiment } = (await ok.json()) as { experiment: { id: string; cases: number } };
    expect(experiment.cases).toBe(2);
    await waitForRun(experiment.id);
    const recorded = (await experimentCells(experiment.id)).filter((c) => c.source === "recorded");
    expect(recorded.map((c) => c.usageEstimated).sort()).toEqual([false, true]); // recorded usage when the log had it
  });

  it("maps CSV columns", async () => {
    const up = await uploadText("prompts.csv", 'question,system_prompt,answer\n"What is 2+2?",Be brief,4\n"Capital of France?",Be brief,Paris\n');
    expect(up.format).toBe("csv");
    expect(up.csv?.columns).toEqual(["question", "system_prompt", "answer"]);
    const res = await inspect(jsonRequest(`/api/imports/${up.id}/inspect`, { csvMapping: { prompt: "question", system: "system_prompt", response: "answer" } }), ctx(up.id));
    const body = (await res.json()) as { import: { scan: { good: number; recordedAnswers: number; sample: { messages: { role: string }[] }[] } } };
    expect(body.import.scan).toMatchObject({ good: 2, recordedAnswers: 2 });
    expect(body.import.scan.sample[0]!.messages.map((m) => m.role)).toEqual(["system", "user"]);
    const bad = await inspect(jsonRequest(`/api/imports/${up.id}/inspect`, { csvMapping: { prompt: "nope" } }), ctx(up.id));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields["csvMapping.prompt"]).toMatch(/no column "nope"/);
  });

  it("answers 404 for unknown or malformed upload ids", async () => {
    for (const id of ["nope", "../../etc/passwd", "00000000-0000-0000-0000-000000000000"]) {
      const res = await inspect(jsonRequest(`/api/imports/x/inspect`, {}), ctx(id));
      expect(res.status).toBe(404);
    }
  });
});
