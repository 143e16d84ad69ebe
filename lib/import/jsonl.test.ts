import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { badOf, casesOf, chunked, collect, jsonl } from "./test-helpers";

const user = (content: string) => ({ role: "user", content });

describe("readCases jsonl", () => {
  it("reads the documented shape: messages, response, usage, model, latency", async () => {
    const text = jsonl(
      {
        messages: [{ role: "system", content: "Be brief." }, user("Capital of France?")],
        response: "Paris.",
        model: "gpt-4o-mini",
        usage: { prompt_tokens: 20, completion_tokens: 2, prompt_tokens_details: { cached_tokens: 8 } },
        latency_ms: 412,
      },
      { prompt: "Say hi" },
    );
    const events = await collect(text, { format: "jsonl" });
    expect(events.map((e) => [e.type, e.line])).toEqual([["case", 1], ["case", 2]]);
    const [a, b] = casesOf(events);
    expect(a).toEqual({
      messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Capital of France?" }],
      response: "Paris.",
      model: "gpt-4o-mini",
      usage: { promptTokens: 20, completionTokens: 2, cachedTokens: 8 },
      latencyMs: 412,
    });
    expect(b).toEqual({ messages: [{ role: "user", content: "Say hi" }], response: null, model: null, usage: null, latencyMs: null });
  });

  it("accepts the obvious variants: choices, Anthropic usage and content, text parts, batch lines, references", async () => {
    const text = jsonl(
      { messages: [user("a")], choices: [{ message: { role: "assistant", content: "A" } }], model: "gpt-4o" },
      { messages: [user("b")], response: { model: "claude-3-5-haiku", content: [{ type: "text", text: "B" }], usage: { input_tokens: 10, output_tokens: 3, cache_read_input_tokens: 4 } } },
      { messages: [{ role: "user", content: [{ type: "text", text: "c1" }, { type: "text", text: "c2" }] }], completion: "C" },
      { custom_id: "req-9", method: "POST", url: "/v1/chat/completions", body: { model: "gpt-4o-mini", messages: [user("d")] } },
      { system: "You are terse.", messages: [user("e")], expected: "E", metadata: { team: "search" } },
      { messages: [{ role: "developer", content: "rules" }, user("f")], response: "F", latencyMs: 9 },
    );
    const cases = casesOf(await collect(text, { format: "jsonl" }));
    expect(cases).toHaveLength(6);
    expect(cases[0]).toMatchObject({ response: "A", model: "gpt-4o" });
    // Anthropic input_tokens exclude cache reads; our promptTokens include them.
    expect(cases[1]).toMatchObject({ response: "B", model: "claude-3-5-haiku", usage: { promptTokens: 14, completionTokens: 3, cachedTokens: 4 } });
    expect(cases[2]).toMatchObject({ messages: [{ role: "user", content: "c1\nc2" }], response: "C" });
    expect(cases[3]).toMatchObject({ messages: [{ role: "user", content: "d" }], model: "gpt-4o-mini", metadata: { custom_id: "req-9" } });
    expect(cases[4]).toMatchObject({
      messages: [{ role: "system", content: "You are terse." }, { role: "user", content: "e" }],
      reference: "E",
      metadata: { team: "search" },
    });
    expect(cases[5]).toMatchObject({ messages: [{ role: "system", content: "rules" }, { role: "user", content: "f" }], latencyMs: 9 });
  });

  it("reports bad lines with their line numbers and reasons, and keeps going", async () => {
    const lines = [
      jsonl({ messages: [user("ok 1")] }), // 1
      "", // 2 blank: skipped silently
      "{not json", // 3
      jsonl({ question: "where is the prompt?" }), // 4
      jsonl({ messages: [user("hi"), { role: "tool", content: "42" }] }), // 5
      jsonl({ messages: [] }), // 6
      jsonl([1, 2]), // 7
      jsonl({ messages: [{ role: "system", content: "only system" }] }), // 8
      jsonl({ messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "x" } }] }] }), // 9
      jsonl({ prompt: "   " }), // 10
      jsonl({ messages: [{ role: "user" }] }), // 11
      jsonl({ messages: [user("ok 2")] }), // 12
    ];
    const events = await collect(lines.join("\n") + "\n", { format: "jsonl" });
    expect(casesOf(events).map((c) => c.messages[0]?.content)).toEqual(["ok 1", "ok 2"]);
    const bad = badOf(events);
    expect(bad.map((b) => b.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(bad[0]!.reason).toMatch(/^line 3: not valid JSON \(.+\)$/);
    expect(bad.slice(1).map((b) => b.reason)).toEqual([
      "line 4: no prompt: needs messages (list of {role, content}) or prompt",
      'line 5: messages[1].role must be system, user or assistant (got "tool")',
      "line 6: messages is empty",
      "line 7: expected a JSON object, got a list",
      "line 8: messages has no user message",
      "line 9: messages[0].content[0] is image_url content; only text can be replayed",
      "line 10: prompt is empty",
      "line 11: messages[0].content is missing",
    ]);
  });

  it("rejects lines over maxLineBytes without holding them, and counts lines across CRLF, BOM and chunk cuts", async () => {
    const long = jsonl({ prompt: "x".repeat(5000) });
    const text = "\uFEFF" + [jsonl({ prompt: "é first ✓" }), long, jsonl({ prompt: "third 😀" }), long].join("\r\n");
    for (const size of [1, 7, 64, 100_000]) {
      const events = await collect(chunked(text, size), { format: "jsonl", maxLineBytes: 4096 });
      expect(casesOf(events).map((c) => c.messages[0]?.content)).toEqual(["é first ✓", "third 😀"]);
      expect(badOf(events)).toEqual([
        { line: 2, reason: "line 2: line longer than 4 KB" },
        { line: 4, reason: "line 4: line longer than 4 KB" },
      ]);
    }
    const defaultLimit = await collect(jsonl({ prompt: "y".repeat(1024 * 1024) }), { format: "jsonl" });
    expect(badOf(defaultLimit)).toEqual([{ line: 1, reason: "line 1: line longer than 1 MB" }]);
  });

  it("stops after maxCases and reads Node streams, web streams and async iterables", async () => {
    const text = jsonl(...Array.from({ length: 50 }, (_, i) => ({ prompt: `p${i}` })));
    const first = casesOf(await collect(Readable.from([Buffer.from(text)]), { format: "jsonl", maxCases: 3 }));
    expect(first.map((c) => c.messages[0]?.content)).toEqual(["p0", "p1", "p2"]);
    const web = new Blob([text]).stream();
    expect(casesOf(await collect(web, { format: "jsonl" }))).toHaveLength(50);
    expect(casesOf(await collect(chunked(text, 33), { format: "auto", fileName: "log.jsonl" }))).toHaveLength(50);
  });

  it("reads a JSON array of requests too", async () => {
    const text = JSON.stringify([{ messages: [user("a")] }, { nope: 1 }, { prompt: "b" }]);
    const events = await collect(text, { format: "jsonl" });
    expect(casesOf(events)).toHaveLength(2);
    expect(badOf(events)).toEqual([{ line: 2, reason: "element 2: no prompt: needs messages (list of {role, content}) or prompt" }]);
  });
});
