import { beforeAll, describe, expect, it } from "vitest";
import { POST as compare } from "@/app/api/compare/route";
import { jsonRequest, stubLog, stubLogMark, stubModel } from "./helpers";

// POST /api/compare through the real gateway: the fan-out, the stream and the error contract.

async function readNdjson(res: Response): Promise<Record<string, unknown>[]> {
  const text = await res.text();
  return text.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

beforeAll(async () => {
  await stubModel("fan-300", "openai", "latency=300,usage=10/20", [1, 2]);
  await stubModel("fan-600", "anthropic", "latency=600,usage=10/20", [1, 2]);
  await stubModel("fan-900", "openai", "latency=900,usage=10/20", [1, 2]);
  await stubModel("fan-broken", "openai", "status=400");
});

describe("POST /api/compare", () => {
  it("calls every model in parallel: the fan-out takes about as long as the slowest model, not the sum", async () => {
    const mark = await stubLogMark();
    const t0 = performance.now();
    const res = await compare(jsonRequest("/api/compare", { prompt: "Fan out please", models: ["fan-300", "fan-600", "fan-900"] }));
    const events = await readNdjson(res);
    const wall = performance.now() - t0;
    expect(res.status).toBe(200);
    const cells = events.filter((e) => e.type === "cell");
    expect(cells.map((c) => c.model)).toEqual(["fan-300", "fan-600", "fan-900"]); // streamed in order of arrival
    expect(cells.every((c) => (c.outcome as { status: string }).status === "done")).toBe(true);
    // Overlap, read from the stub's own log: every call started before the first one finished.
    const log = await stubLog(mark, ["stub:latency=300,usage=10/20", "stub:latency=600,usage=10/20", "stub:latency=900,usage=10/20"]);
    expect(log).toHaveLength(3);
    const firstEnd = Math.min(...log.map((l) => l.endedAt));
    expect(log.every((l) => l.startedAt < firstEnd)).toBe(true);
    expect(wall).toBeLessThan(300 + 600 + 900);
    expect(wall).toBeGreaterThanOrEqual(900);
  });

  it("stores each response with tokens, cost, latency and trace id, and one failure does not fail the others", async () => {
    const res = await compare(jsonRequest("/api/compare", { prompt: "Mixed", models: ["fan-300", "fan-broken"] }));
    const events = await readNdjson(res);
    const started = events.find((e) => e.type === "started")!;
    const cells = Object.fromEntries(events.filter((e) => e.type === "cell").map((e) => [e.model as string, e.outcome as Record<string, unknown>]));
    expect(cells["fan-300"]).toMatchObject({ status: "done", promptTokens: 10, completionTokens: 20, attempts: 1 });
    expect(cells["fan-300"]!.costUsd).toBeCloseTo((10 * 1 + 20 * 2) / 1e6, 12);
    expect(cells["fan-300"]!.traceId).toBeTruthy();
    expect(cells["fan-broken"]).toMatchObject({ status: "failed", errorCode: "bad_request" });
    const { GET } = await import("@/app/api/experiments/[id]/route");
    const stored = (await (await GET(new Request("http://localhost/x"), { params: Promise.resolve({ id: started.experimentId as string }) })).json()) as { experiment: { cells: { model: string; status: string; latencyMs: number }[] } };
    const byModel = Object.fromEntries(stored.experiment.cells.map((c) => [c.model, c]));
    expect(byModel["fan-300"]).toMatchObject({ status: "done" });
    expect(byModel["fan-300"]!.latencyMs).toBeGreaterThanOrEqual(300);
    expect(byModel["fan-broken"]).toMatchObject({ status: "failed" });
  });

  const bad: [string, unknown, number, string | RegExp][] = [
    ["missing prompt", { models: ["fan-300"] }, 422, "prompt"],
    ["empty prompt", { prompt: "   ", models: ["fan-300"] }, 422, "prompt"],
    ["unknown model", { prompt: "hi", models: ["fan-300", "no-such-model"] }, 422, "models.1"],
    ["models not an array", { prompt: "hi", models: "fan-300" }, 422, "models"],
    ["prompt not a string", { prompt: 42, models: ["fan-300"] }, 422, "prompt"],
    ["no models", { prompt: "hi", models: [] }, 422, "models"],
    ["repeated models", { prompt: "hi", models: ["fan-300", "fan-300"] }, 422, "models"],
    ["unknown field", { prompt: "hi", models: ["fan-300"], apiKey: "sk-x" }, 422, "(body)"],
    ["1 MB prompt", { prompt: "x".repeat(1024 * 1024), models: ["fan-300"] }, 422, "prompt"],
  ];
  it.each(bad)("rejects %s with a clear 4xx", async (_name, body, status, field) => {
    const res = await compare(jsonRequest("/api/compare", body));
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
    expect(json.error.message).toBeTruthy();
    expect(json.error.message).not.toMatch(/at .*\.ts|stack/i);
    expect(Object.keys(json.error.fields ?? {})).toContain(field);
  });

  it("rejects a body over 2 MB with 413, bad JSON with 400 and a wrong content type with 415", async () => {
    expect((await compare(jsonRequest("/api/compare", JSON.stringify({ prompt: "x".repeat(3 * 1024 * 1024), models: ["fan-300"] })))).status).toBe(413);
    expect((await compare(jsonRequest("/api/compare", "{not json"))).status).toBe(400);
    expect((await compare(jsonRequest("/api/compare", "prompt=hi", { headers: { "content-type": "text/plain" } }))).status).toBe(415);
  });
});
