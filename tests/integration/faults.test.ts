import { beforeAll, describe, expect, it } from "vitest";
import { POST as createExperiment } from "@/app/api/experiments/route";
import { experimentCells } from "@/lib/db/responses";
import { runExperiment } from "@/lib/runner/run";
import { jsonRequest, stubModel } from "./helpers";

// The stub injects 429 (retry-after 0), 500, timeouts, malformed JSON and connection resets into ~20% of calls.
// The run must complete, every cell must end done or failed with a reason, and "retry failed" must recover them.

beforeAll(async () => {
  await stubModel("fault-base", "openai", "usage=50/50,quality=0.9", [1, 1]);
  await stubModel("fault-a", "openai", "faultRate=0.2,usage=50/50,quality=0.85", [0.5, 0.5]);
  await stubModel("fault-b", "anthropic", "faultRate=0.2,usage=50/50,quality=0.8", [0.2, 0.2]);
});

describe("faults during a run", () => {
  it("ends every cell done or failed with a reason, and retry-failed recovers them", { timeout: 120_000 }, async () => {
    const prompts = Array.from({ length: 40 }, (_, i) => `Fault case ${i} [[case:f${i}]]`);
    const res = await createExperiment(jsonRequest("/api/experiments", { prompts, baseline: "fault-base", candidates: ["fault-a", "fault-b"], params: { concurrency: 24 }, start: false }));
    const { experiment } = (await res.json()) as { experiment: { id: string } };
    // The gateway retries 429/5xx; resets, malformed bodies and timeouts that outlast the retries become failed cells.
    expect(await runExperiment(experiment.id)).toBe("done");
    let cells = await experimentCells(experiment.id);
    expect(cells).toHaveLength(120);
    for (const c of cells) {
      expect(["done", "failed"]).toContain(c.status);
      if (c.status === "failed") {
        expect(c.errorCode).toBeTruthy();
        expect(c.error).toBeTruthy();
      } else {
        expect(c.content).toBeTruthy();
      }
    }
    const failedBefore = cells.filter((c) => c.status === "failed").length;
    expect(failedBefore).toBeGreaterThan(0);
    const codes = new Set(cells.filter((c) => c.status === "failed").map((c) => c.errorCode));
    expect(codes.size).toBeGreaterThan(1);

    for (let round = 0; round < 4 && cells.some((c) => c.status === "failed"); round++) {
      await runExperiment(experiment.id, { retryFailed: true });
      cells = await experimentCells(experiment.id);
    }
    expect(cells.filter((c) => c.status === "failed")).toHaveLength(0);
    // Attempts accumulate across retries: a recovered cell shows more than one attempt.
    expect(cells.some((c) => c.attempts > 1)).toBe(true);
  });
});
