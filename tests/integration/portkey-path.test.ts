import { beforeEach, describe, expect, inject, it } from "vitest";
import { stubLogMark, stubLog as readLog } from "./helpers";
import { callModel } from "@/lib/portkey/call";
import type { ModelTarget } from "@/lib/portkey/target";

// Real gateway + stub upstream. Directives in the upstream model name control the stub (see e2e/stub/directives.ts).

const { STUB_URL } = inject("itEnv");

function stubModel(provider: "openai" | "anthropic", directives: string): ModelTarget {
  return { slug: `stub-${provider}`, label: `Stub ${provider}`, kind: "custom", provider, upstreamModel: `stub:${directives}`, customHost: `${STUB_URL}/v1` };
}

let mark = 0;
beforeEach(async () => {
  mark = await stubLogMark();
});
// Each test uses its own prompt, so its entries are told apart from other files' by the prompt preview.
const stubLog = async (prompt: string) => (await readLog(mark)).filter((l) => (l as { promptPreview?: string }).promptPreview === prompt);

describe("the Portkey path (gateway + stub)", () => {
  it("an OpenAI-format model answers with usage in OpenAI shape", async () => {
    const r = await callModel(stubModel("openai", "usage=12/34,answer=Hello%20there"), { messages: [{ role: "user", content: "Say hello" }] });
    expect(r).toMatchObject({ ok: true, content: "Hello there", finishReason: "stop", finishReasonRaw: "stop", attempts: 1 });
    expect(r.usage).toEqual({ promptTokens: 12, completionTokens: 34, cachedTokens: 0 });
    expect(r.traceId).toMatch(/^tradeoff-/);
    const log = await stubLog("Say hello");
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ provider: "openai" });
  });

  it("an Anthropic-format model answers through the gateway, usage mapped to OpenAI shape", async () => {
    const r = await callModel(stubModel("anthropic", "usage=20/7"), { messages: [{ role: "user", content: "Hi Claude" }], maxTokens: 200 });
    expect(r.ok).toBe(true);
    expect(r.usage).toEqual({ promptTokens: 20, completionTokens: 7, cachedTokens: 0 });
    expect(r.finishReason).toBe("stop");
    expect(r.finishReasonRaw).toBe("end_turn");
    expect((await stubLog("Hi Claude"))[0]).toMatchObject({ provider: "anthropic" });
  });

  it("an Anthropic refusal is reported as a refusal, not as stop", async () => {
    const r = await callModel(stubModel("anthropic", "refuse"), { messages: [{ role: "user", content: "Do something bad" }], maxTokens: 100 });
    expect(r.ok).toBe(true);
    expect(r.finishReasonRaw).toBe("refusal");
    expect(r.finishReason).toBe("refusal");
  });

  it("an OpenAI content filter is normalised to content_filter", async () => {
    const r = await callModel(stubModel("openai", "refuse"), { messages: [{ role: "user", content: "x" }] });
    expect(r.finishReason).toBe("content_filter");
  });

  it("a 429 that clears on retry succeeds, with the attempts recorded", async () => {
    const r = await callModel(stubModel("openai", "fail=429x2,retryAfter=0"), { messages: [{ role: "user", content: "flaky please" }] }, { policy: { retryAttempts: 3 } });
    expect(r.ok).toBe(true);
    expect(r.attempts).toBe(3);
    const log = await stubLog("flaky please");
    expect(log.map((l) => l.status)).toEqual([429, 429, 200]);
  });

  it("a 500 that never clears is an error after the configured retries, not a hang", async () => {
    const r = await callModel(stubModel("openai", "status=500"), { messages: [{ role: "user", content: "always broken" }] }, { policy: { retryAttempts: 1 } });
    expect(r.ok).toBe(false);
    expect(r.errorCode).toBe("upstream_error");
    expect(r.status).toBe(500);
    expect(r.attempts).toBe(2);
    // The SDK must not add its own retry on top of the gateway's (the trace id prevents it).
    expect((await stubLog("always broken")).length).toBe(2);
  });

  it("a timeout is recorded as an error without holding up the other calls", async () => {
    const t0 = performance.now();
    const [slow, fast] = await Promise.all([
      callModel(stubModel("openai", "hang"), { messages: [{ role: "user", content: "never answers" }] }, { policy: { retryAttempts: 0, requestTimeoutMs: 1000 } }),
      callModel(stubModel("openai", "latency=100"), { messages: [{ role: "user", content: "quick one" }] }, { policy: { retryAttempts: 0, requestTimeoutMs: 1000 } }),
    ]);
    expect(fast.ok).toBe(true);
    expect(fast.latencyMs).toBeLessThan(900);
    expect(slow.ok).toBe(false);
    expect(slow.errorCode).toBe("timeout");
    expect(slow.status).toBe(408);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
