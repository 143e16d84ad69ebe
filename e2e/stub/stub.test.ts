import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { planRequest, REFUSAL_TEXT } from "./behaviour";
import { mergeDirectives, modelDirectives, parseDirectiveList, promptDirectives, resolveDirectives } from "./directives";
import { MALFORMED_JUDGE_TEXT } from "./judge";
import { startStub, type LogEntry, type StubHandle } from "./server";

// Response bodies are checked structurally; `any` keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let stub: StubHandle;

beforeAll(async () => {
  stub = await startStub({ port: 0 });
});
afterAll(async () => {
  await stub.close();
});
beforeEach(() => stub.clear());

const uid = () => randomUUID().slice(0, 8);

function openai(body: Record<string, unknown>, headers: Record<string, string> = {}, signal?: AbortSignal) {
  return fetch(`${stub.url}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer sk-test-SECRET", ...headers },
    body: JSON.stringify(body),
    signal,
  });
}

function anthropic(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return fetch(`${stub.url}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": "sk-ant-SECRET", ...headers },
    body: JSON.stringify({ max_tokens: 1024, ...body }),
  });
}

const user = (content: string) => [{ role: "user", content }];

async function waitFor<T>(fn: () => T | undefined, timeoutMs = 3000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("waitFor timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

function lastEntry(): LogEntry {
  const log = stub.log();
  const e = log[log.length - 1];
  if (!e) throw new Error("log is empty");
  return e;
}

async function sse(res: Response): Promise<string[]> {
  const text = await res.text();
  return text.split("\n\n").filter((f) => f.trim().length > 0);
}

describe("health", () => {
  it("GET / and /health answer 200", async () => {
    expect((await fetch(`${stub.url}/`)).status).toBe(200);
    const res = await fetch(`${stub.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("unknown paths 404 in OpenAI error shape", async () => {
    const res = await fetch(`${stub.url}/v1/nope`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toContain("not supported");
  });
});

describe("directive parsing", () => {
  it("parses model directives, flags, URL-encoded values, case-insensitive keys", () => {
    expect(modelDirectives("gpt-4o-mini")).toEqual({});
    expect(modelDirectives("stub")).toEqual({});
    expect(modelDirectives("stub:latency=300,quality=0.8,refuse,RetryAfter=3,answer=a%2Cb%20c")).toEqual({
      latency: "300",
      quality: "0.8",
      refuse: true,
      retryAfter: "3",
      answer: "a,b c",
    });
    expect(parseDirectiveList(" hang , , fail=429x2 ")).toEqual({ hang: true, fail: "429x2" });
  });

  it("prompt directives override model directives; later tags win", () => {
    const merged = mergeDirectives(
      modelDirectives("stub:latency=300,quality=0.8"),
      promptDirectives(["x [[stub:latency=50]] y", "[[stub:quality=0.3]] [[stub:quality=0.4,refuse]]"]),
    );
    expect(merged).toEqual({ latency: "50", quality: "0.4", refuse: true });
    const d = resolveDirectives(merged);
    expect(d).toMatchObject({ latency: 50, quality: 0.4, refuse: true, words: 20 });
  });

  it("judge mode keeps only judge keys from [[stub:]] tags, and applies [[stub-judge:]] tags", () => {
    const p = promptDirectives(["[[stub:status=500,latency=9000,judgeMalformed]] [[stub-judge:latency=5]]"]);
    expect(mergeDirectives(modelDirectives("stub:judge"), p)).toEqual({ judge: true, judgeMalformed: true, latency: "5" });
    // non-judge calls ignore stub-judge tags
    expect(mergeDirectives({}, p)).toEqual({ status: "500", latency: "9000", judgeMalformed: true });
  });

  it("resolves fail / usage / faults / criteria", () => {
    const d = resolveDirectives(parseDirectiveList("fail=503x3,usage=100/20,faults=429|reset|bogus,criteria=a|b"));
    expect(d.fail).toEqual({ code: 503, times: 3 });
    expect(d.usage).toEqual({ prompt: 100, completion: 20 });
    expect(d.faults).toEqual(["429", "reset"]);
    expect(d.criteria).toEqual(["a", "b"]);
  });
});

describe("OpenAI format", () => {
  it("returns a chat.completion with usage computed from text", async () => {
    const prompt = `What is the capital of France? ${uid()}`;
    const messages = [{ role: "system", content: "Be brief." }, ...user(prompt)];
    const res = await openai({ model: "gpt-4o-mini", messages });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body: Json = await res.json();
    expect(body).toMatchObject({ object: "chat.completion", model: "gpt-4o-mini" });
    expect(body.id).toMatch(/^chatcmpl-/);
    expect(typeof body.created).toBe("number");
    const choice = body.choices[0];
    expect(choice).toMatchObject({ index: 0, finish_reason: "stop", logprobs: null });
    expect(choice.message).toMatchObject({ role: "assistant", refusal: null });
    const content: string = choice.message.content;
    expect(content.startsWith(`Stub answer from gpt-4o-mini: ${prompt.slice(0, 60)}`)).toBe(true);
    const filler = content.slice(`Stub answer from gpt-4o-mini: ${prompt}`.length).trim().split(" ");
    expect(filler).toHaveLength(20);
    const promptTokens = Math.ceil(("Be brief.".length + prompt.length) / 4);
    expect(body.usage).toEqual({
      prompt_tokens: promptTokens,
      completion_tokens: Math.ceil(content.length / 4),
      total_tokens: promptTokens + Math.ceil(content.length / 4),
      prompt_tokens_details: { cached_tokens: 0 },
    });
    // deterministic
    const again: Json = await (await openai({ model: "gpt-4o-mini", messages })).json();
    expect(again.choices[0].message.content).toBe(content);
  });

  it("words=<n> controls filler length; answer=<text> fixes the text", async () => {
    const b1: Json = await (await openai({ model: "stub:words=0", messages: user("hi") })).json();
    expect(b1.choices[0].message.content).toBe("Stub answer from stub:words=0: hi");
    const b2: Json = await (await openai({ model: "stub:answer=Paris%2C%20France", messages: user("q") })).json();
    expect(b2.choices[0].message.content).toBe("Paris, France");
  });

  it("streams SSE chunks ending with a usage chunk and [DONE]", async () => {
    const messages = user(`stream me ${uid()}`);
    const plain: Json = await (await openai({ model: "stub:words=30", messages })).json();
    const res = await openai({ model: "stub:words=30", messages, stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const frames = await sse(res);
    expect(frames.at(-1)).toBe("data: [DONE]");
    const chunks: Json[] = frames.slice(0, -1).map((f) => {
      expect(f.startsWith("data: ")).toBe(true);
      return JSON.parse(f.slice("data: ".length));
    });
    for (const c of chunks) expect(c).toMatchObject({ object: "chat.completion.chunk", id: chunks[0].id, model: "stub:words=30" });
    expect(chunks[0].choices[0].delta.role).toBe("assistant");
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("");
    expect(text).toBe(plain.choices[0].message.content);
    const finish = chunks.filter((c) => c.choices[0]?.finish_reason);
    expect(finish).toHaveLength(1);
    expect(finish[0].choices[0].finish_reason).toBe("stop");
    const usageChunk = chunks.at(-1);
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage).toEqual(plain.usage);
  });

  it("rejects invalid JSON with a 400 in OpenAI error shape", async () => {
    const res = await fetch(`${stub.url}/v1/chat/completions`, { method: "POST", body: "{nope" });
    expect(res.status).toBe(400);
    const body: Json = await res.json();
    expect(body.error).toMatchObject({ type: "invalid_request_error" });
    expect(typeof body.error.message).toBe("string");
  });
});

describe("Anthropic format", () => {
  it("returns a message with usage (system counted)", async () => {
    const prompt = `Tell me a joke ${uid()}`;
    const res = await anthropic({
      model: "claude-3-5-haiku",
      system: "You are funny.",
      messages: [{ role: "user", content: [{ type: "text", text: prompt }] }],
    });
    expect(res.status).toBe(200);
    const body: Json = await res.json();
    expect(body).toMatchObject({ type: "message", role: "assistant", model: "claude-3-5-haiku", stop_reason: "end_turn", stop_sequence: null });
    expect(body.id).toMatch(/^msg_/);
    expect(body.content).toHaveLength(1);
    expect(body.content[0].type).toBe("text");
    const text: string = body.content[0].text;
    expect(text.startsWith(`Stub answer from claude-3-5-haiku: ${prompt}`)).toBe(true);
    expect(body.usage).toMatchObject({
      input_tokens: Math.ceil(("You are funny.".length + prompt.length) / 4),
      output_tokens: Math.ceil(text.length / 4),
      cache_read_input_tokens: 0,
    });
  });

  it("streams Anthropic SSE events", async () => {
    const messages = user(`stream ${uid()}`);
    const plain: Json = await (await anthropic({ model: "claude", messages })).json();
    const frames = await sse(await anthropic({ model: "claude", messages, stream: true }));
    const events = frames.map((f) => {
      const [ev, data] = f.split("\n");
      return { event: (ev ?? "").replace("event: ", ""), data: JSON.parse((data ?? "").replace("data: ", "")) as Json };
    });
    expect(events[0]?.event).toBe("message_start");
    expect(events.at(-1)?.event).toBe("message_stop");
    const text = events.filter((e) => e.event === "content_block_delta").map((e) => e.data.delta.text).join("");
    expect(text).toBe(plain.content[0].text);
    const delta = events.find((e) => e.event === "message_delta");
    expect(delta?.data.delta.stop_reason).toBe("end_turn");
    expect(delta?.data.usage.output_tokens).toBe(plain.usage.output_tokens);
    for (const e of events) expect(e.data.type).toBe(e.event);
  });

  it("errors use the Anthropic error shape", async () => {
    const res = await anthropic({ model: "claude", messages: "nope" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
    const r529 = await anthropic({ model: "stub:status=529", messages: user("x") });
    expect(r529.status).toBe(529);
    expect(await r529.json()).toMatchObject({ type: "error", error: { type: "overloaded_error" } });
  });
});

describe("latency and jitter", () => {
  it("latency delays the answer; prompt directive overrides the model's", async () => {
    let t = performance.now();
    await (await openai({ model: "stub:latency=250", messages: user(`slow ${uid()}`) })).json();
    expect(performance.now() - t).toBeGreaterThanOrEqual(240);
    const e = lastEntry();
    expect(e.endedAt! - e.startedAt).toBeGreaterThanOrEqual(240);

    t = performance.now();
    await (await openai({ model: "stub:latency=5000", messages: user(`fast [[stub:latency=0]] ${uid()}`) })).json();
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it("jitter is deterministic per body and within 0..jitter", () => {
    const d = resolveDirectives(parseDirectiveList("latency=100,jitter=50"));
    const delays = Array.from({ length: 50 }, (_, i) => planRequest(d, 1, `body-${i}`, true).delayMs);
    for (const ms of delays) {
      expect(ms).toBeGreaterThanOrEqual(100);
      expect(ms).toBeLessThanOrEqual(150);
    }
    expect(new Set(delays).size).toBeGreaterThan(5);
    expect(planRequest(d, 1, "body-7", true).delayMs).toBe(delays[7]);
  });
});

describe("errors and faults", () => {
  it("status=<code> answers that error; 429 carries retry-after", async () => {
    const r503 = await openai({ model: "stub:status=503", messages: user("x") });
    expect(r503.status).toBe(503);
    expect((await r503.json()).error).toMatchObject({ type: "server_error" });
    expect(r503.headers.get("retry-after")).toBeNull();

    const r429 = await openai({ model: "stub:status=429", messages: user("x") });
    expect(r429.status).toBe(429);
    expect(r429.headers.get("retry-after")).toBe("1");
    expect((await r429.json()).error).toMatchObject({ code: "rate_limit_exceeded" });

    const r429b = await anthropic({ model: "stub:status=429,retryAfter=7", messages: user("x") });
    expect(r429b.headers.get("retry-after")).toBe("7");
    expect(await r429b.json()).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
    expect(lastEntry()).toMatchObject({ status: 429, outcome: "error" });
  });

  it("fail=429x2: the same request fails twice then succeeds", async () => {
    const body = { model: "stub:fail=429x2,retryAfter=0", messages: user(`flaky ${uid()} [[case:flaky-1]]`) };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await openai(body);
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers.get("retry-after")).toBe("0");
      await res.text();
    }
    expect(statuses).toEqual([429, 429, 200, 200]);
    const entries = stub.log().filter((e) => e.caseTag === "flaky-1");
    expect(entries.map((e) => e.attempt)).toEqual([1, 2, 3, 4]);
    expect(new Set(entries.map((e) => e.key)).size).toBe(1);
    expect(entries.map((e) => e.outcome)).toEqual(["error", "error", "ok", "ok"]);
    // a different request has its own counter
    expect((await openai({ ...body, messages: user(`other ${uid()}`) })).status).toBe(429);
  });

  it("hang never answers; the log records the client disconnect", async () => {
    const t = performance.now();
    await expect(
      openai({ model: "stub:hang", messages: user(`hang ${uid()}`) }, {}, AbortSignal.timeout(300)),
    ).rejects.toThrow();
    expect(performance.now() - t).toBeGreaterThanOrEqual(280);
    const e = await waitFor(() => stub.log().find((x) => x.outcome === "hang" && x.endedAt !== null));
    expect(e).toMatchObject({ status: 0, aborted: true });
  });

  it("reset destroys the socket", async () => {
    await expect(openai({ model: "stub:reset", messages: user(`reset ${uid()}`) })).rejects.toThrow();
    expect(lastEntry()).toMatchObject({ outcome: "reset", status: 0 });
  });

  it("malformed answers 200 with invalid JSON", async () => {
    const res = await anthropic({ model: "claude", messages: user(`[[stub:malformed]] ${uid()}`) });
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
    expect(lastEntry()).toMatchObject({ outcome: "malformed", status: 200 });
  });

  it("faultRate injects deterministic faults that a retry can get past", async () => {
    expect((await openai({ model: "stub:faultRate=1,faults=500", messages: user("x") })).status).toBe(500);
    const r = await openai({ model: "stub:faultRate=1,faults=429", messages: user("x") });
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("0");

    // roughly half of distinct requests fault at faultRate=0.5
    const d = resolveDirectives(parseDirectiveList("faultRate=0.5"));
    const plans = Array.from({ length: 400 }, (_, i) => planRequest(d, 1, `b${i}`, true));
    const faulty = plans.filter((p) => p.fault !== undefined).length;
    expect(faulty).toBeGreaterThan(140);
    expect(faulty).toBeLessThan(260);
    const kinds = new Set(plans.map((p) => p.fault).filter(Boolean));
    expect(kinds).toEqual(new Set(["429", "500", "hang", "malformed", "reset"]));
    // deterministic for the same body + attempt; differs across attempts
    expect(planRequest(d, 1, "b3", true)).toEqual(plans[3]);
    const attemptsOutcomes = Array.from({ length: 20 }, (_, a) => planRequest(d, a + 1, "b3", true).plan.kind);
    expect(new Set(attemptsOutcomes).size).toBeGreaterThan(1);

    // over HTTP: retrying the same request eventually succeeds
    const body = { model: "stub:faultRate=0.6,faults=429|500|malformed", messages: user(`retry-until-ok ${uid()}`) };
    let ok = false;
    for (let i = 0; i < 30 && !ok; i++) {
      const res = await openai(body);
      const text = await res.text();
      ok = res.status === 200 && text.includes('"chat.completion"');
    }
    expect(ok).toBe(true);
    expect(stub.log().some((e) => e.fault !== null)).toBe(true);
  });

  it("requireAuth answers 401 without a key header", async () => {
    const res = await fetch(`${stub.url}/v1/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "stub:requireAuth", messages: user("x") }),
    });
    expect(res.status).toBe(401);
    expect((await openai({ model: "stub:requireAuth", messages: user("x") })).status).toBe(200);
  });
});

describe("refusals, quality, usage, max tokens", () => {
  it("refuse: OpenAI content_filter with empty content; Anthropic stop_reason refusal", async () => {
    const o: Json = await (await openai({ model: "stub:refuse", messages: user("bad") })).json();
    expect(o.choices[0].finish_reason).toBe("content_filter");
    expect(o.choices[0].message.content).toBe("");
    expect(lastEntry().outcome).toBe("refusal");
    const a: Json = await (await anthropic({ model: "claude", messages: user("bad [[stub:refuse]]") })).json();
    expect(a.stop_reason).toBe("refusal");
    expect(a.content[0].text).toMatch(/can't help/);
  });

  it("refuseText: a normal stop whose text is a refusal", async () => {
    const o: Json = await (await openai({ model: "stub:refuseText", messages: user("bad") })).json();
    expect(o.choices[0].finish_reason).toBe("stop");
    expect(o.choices[0].message.content).toBe(REFUSAL_TEXT);
    const a: Json = await (await anthropic({ model: "stub:refuseText", messages: user("bad") })).json();
    expect(a.stop_reason).toBe("end_turn");
    expect(a.content[0].text).toBe(REFUSAL_TEXT);
  });

  it("quality=<x> embeds the marker; prompt overrides", async () => {
    const o: Json = await (await openai({ model: "stub:quality=0.8", messages: user("q1") })).json();
    expect(o.choices[0].message.content).toMatch(/^\[\[quality:0\.8\]\] Stub answer/);
    const a: Json = await (await anthropic({ model: "stub:quality=0.8", messages: user("q [[stub:quality=0.3]]") })).json();
    expect(a.content[0].text).toContain("[[quality:0.3]]");
    expect(a.content[0].text).not.toContain("[[stub:");
  });

  it("usage=<p>/<c> and cached=<n>", async () => {
    const o: Json = await (await openai({ model: "stub:usage=100/50,cached=30", messages: user("u") })).json();
    expect(o.usage).toEqual({ prompt_tokens: 100, completion_tokens: 50, total_tokens: 150, prompt_tokens_details: { cached_tokens: 30 } });
    const a: Json = await (await anthropic({ model: "stub:usage=100/50,cached=30", messages: user("u") })).json();
    expect(a.usage).toMatchObject({ input_tokens: 70, output_tokens: 50, cache_read_input_tokens: 30 });
  });

  it("max_tokens truncates and finishes with length / max_tokens", async () => {
    const o: Json = await (await openai({ model: "stub:words=50", messages: user("long"), max_tokens: 5 })).json();
    expect(o.choices[0].finish_reason).toBe("length");
    expect(o.usage.completion_tokens).toBe(5);
    expect(o.choices[0].message.content.length).toBeLessThanOrEqual(20);
    const o2: Json = await (await openai({ model: "stub:words=50", messages: user("long"), max_completion_tokens: 7 })).json();
    expect(o2.usage.completion_tokens).toBe(7);
    const a: Json = await (await anthropic({ model: "stub:words=50", messages: user("long"), max_tokens: 5 })).json();
    expect(a.stop_reason).toBe("max_tokens");
    expect(a.usage.output_tokens).toBe(5);
    const big: Json = await (await openai({ model: "stub:words=3", messages: user("s"), max_tokens: 4096 })).json();
    expect(big.choices[0].finish_reason).toBe("stop");
  });
});

describe("judge mode", () => {
  const judgePrompt = (answer: string) =>
    [
      "You are grading an answer. Rubric:",
      "- correctness (weight 0.5): is it right?",
      "- tone (weight 0.3)",
      "- `brevity` (weight 0.2)",
      "Question: What is 2+2? [[stub:status=500,latency=5000]] [[case:j-1]]",
      `Answer under evaluation:\n${answer}`,
      'Reply with JSON {"scores": {...}, "refused": bool, "rationale": string}.',
    ].join("\n");

  it("scores every rubric criterion with the last quality marker; candidate tags are ignored", async () => {
    const res = await openai({
      model: "stub:judge",
      messages: [
        { role: "system", content: "Example: [[quality:0.1]] is not in a user message" },
        ...user(`${judgePrompt("[[quality:0.2]] old")}\n[[quality:0.8]] Stub answer from m: 2+2 is 4`),
      ],
    });
    expect(res.status).toBe(200);
    const body: Json = await res.json();
    const verdict = JSON.parse(body.choices[0].message.content);
    expect(verdict).toEqual({
      scores: { correctness: 0.8, tone: 0.8, brevity: 0.8 },
      refused: false,
      rationale: "stub judge: quality marker 0.8",
    });
    expect(lastEntry()).toMatchObject({ judge: true, caseTag: "j-1", outcome: "ok" });
  });

  it("end to end: a candidate answer graded by the judge (Anthropic judge)", async () => {
    const cand: Json = await (await openai({ model: "stub:quality=0.65", messages: user("Explain tides") })).json();
    const answer: string = cand.choices[0].message.content;
    const j: Json = await (await anthropic({ model: "stub:judge", messages: user(judgePrompt(answer)) })).json();
    expect(JSON.parse(j.content[0].text).scores.correctness).toBe(0.65);
  });

  it("criteria directive, default criteria, default quality, refused detection, scale", async () => {
    const a: Json = await (await openai({ model: "stub:judge,criteria=x|y", messages: user("[[quality:0.4]]") })).json();
    expect(JSON.parse(a.choices[0].message.content).scores).toEqual({ x: 0.4, y: 0.4 });
    const b: Json = await (await openai({ model: "stub:judge", messages: user(`Answer: ${REFUSAL_TEXT}`) })).json();
    expect(JSON.parse(b.choices[0].message.content)).toMatchObject({
      scores: { accuracy: 0.5, relevance: 0.5, clarity: 0.5 },
      refused: true,
    });
    const c: Json = await (await openai({ model: "stub:judge,scale=10", messages: user("[[quality:0.7]]") })).json();
    expect(JSON.parse(c.choices[0].message.content).scores.accuracy).toBe(7);
  });

  it("[[stub-judge:...]] tags apply to the judge call", async () => {
    const res = await openai({ model: "stub:judge", messages: user("grade [[stub-judge:status=503]]") });
    expect(res.status).toBe(503);
  });

  it("judgeMalformed answers non-JSON; judgeMalformedOnce only on the first attempt", async () => {
    const m: Json = await (await openai({ model: "stub:judge", messages: user("x [[stub:judgeMalformed]]") })).json();
    expect(m.choices[0].message.content).toBe(MALFORMED_JUDGE_TEXT);
    expect(() => JSON.parse(m.choices[0].message.content)).toThrow();

    const body = { model: "stub:judge,judgeMalformedOnce", messages: user(`[[quality:0.9]] ${uid()}`) };
    const first: Json = await (await openai(body)).json();
    expect(() => JSON.parse(first.choices[0].message.content)).toThrow();
    const second: Json = await (await openai(body)).json();
    expect(JSON.parse(second.choices[0].message.content).scores.accuracy).toBe(0.9);
  });
});

describe("request log", () => {
  it("records entries without key values; caseTag; auth presence", async () => {
    await openai({ model: "stub:quality=0.5", messages: user(`Hello log [[case:case-42]] ${"x".repeat(200)}`) });
    await fetch(`${stub.url}/v1/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "gpt-4o", messages: user("no auth") }),
    });
    const res = await fetch(`${stub.url}/__log`);
    const text = await res.text();
    expect(text).not.toContain("SECRET");
    const log: LogEntry[] = JSON.parse(text);
    expect(log).toHaveLength(2);
    const [a, b] = log;
    expect(a).toMatchObject({
      path: "/v1/chat/completions",
      provider: "openai",
      model: "stub:quality=0.5",
      directives: { quality: "0.5" },
      attempt: 1,
      status: 200,
      outcome: "ok",
      caseTag: "case-42",
      auth: true,
      aborted: false,
      stream: false,
    });
    expect(a?.id).toMatch(/^chatcmpl-/);
    expect(a?.key).toMatch(/^[0-9a-f]{64}$/);
    expect(a?.promptPreview).toHaveLength(80);
    expect(a?.promptPreview.startsWith("Hello log [[case:case-42]]")).toBe(true);
    expect(a!.startedAt).toBeGreaterThan(Date.now() - 60_000);
    expect(a!.endedAt!).toBeGreaterThanOrEqual(a!.startedAt);
    expect(b).toMatchObject({ auth: false, caseTag: null, seq: a!.seq + 1 });

    const since: LogEntry[] = await (await fetch(`${stub.url}/__log?since=${a!.seq}`)).json();
    expect(since.map((e) => e.seq)).toEqual([b!.seq]);
  });

  it("DELETE /__log clears entries and attempt counters", async () => {
    const body = { model: "stub:fail=500x1", messages: user(`clear ${uid()}`) };
    expect((await openai(body)).status).toBe(500);
    expect((await openai(body)).status).toBe(200);
    expect((await fetch(`${stub.url}/__log`, { method: "DELETE" })).status).toBe(200);
    expect(stub.log()).toHaveLength(0);
    expect((await openai(body)).status).toBe(500);
  });

  it("handles hundreds of concurrent requests", async () => {
    const n = 400;
    const results = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const res = await (i % 2
          ? openai({ model: "stub:latency=50,jitter=50", messages: user(`c${i} [[case:conc-${i}]]`) })
          : anthropic({ model: "stub:latency=50,jitter=50", messages: user(`c${i} [[case:conc-${i}]]`) }));
        await res.json();
        return res.status;
      }),
    );
    expect(results.every((s) => s === 200)).toBe(true);
    const log = stub.log();
    expect(log).toHaveLength(n);
    expect(new Set(log.map((e) => e.caseTag)).size).toBe(n);
    expect(new Set(log.map((e) => e.seq)).size).toBe(n);
  });

  it("appends JSON lines to the log file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "stub-log-")), "log.jsonl");
    const s2 = await startStub({ port: 0, logFile: file });
    await fetch(`${s2.url}/v1/messages`, {
      method: "POST",
      body: JSON.stringify({ model: "stub:words=1", max_tokens: 10, messages: user("file [[case:f1]]") }),
    });
    await s2.close();
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ provider: "anthropic", caseTag: "f1", outcome: "ok" });
  });

  it("close() returns promptly even with a hanging request in flight", async () => {
    const s3 = await startStub({ port: 0 });
    const pending = fetch(`${s3.url}/v1/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "stub:hang", messages: user("h") }),
    }).catch(() => "closed");
    await waitFor(() => (s3.log().length ? true : undefined));
    const t = performance.now();
    await s3.close();
    expect(performance.now() - t).toBeLessThan(2000);
    expect(await pending).toBe("closed");
    expect(s3.log()[0]).toMatchObject({ outcome: "hang", aborted: true });
  });
});
