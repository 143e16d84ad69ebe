import { createReadStream, existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitJsonArray } from "./json-array";
import { readCases } from "./read";
import { scanImport } from "./scan";
import { badOf, casesOf, chunked, collect } from "./test-helpers";

const ALPACA_DIR = process.env.ALPACA_EVAL_DIR ?? path.resolve(__dirname, "../../../shared/data/alpaca-eval");
const outputsOf = (model: string) => path.join(ALPACA_DIR, model, "model_outputs.json");

async function elements(text: string, size: number, max = 1 << 20) {
  const out = [];
  for await (const item of splitJsonArray(chunked(text, size), max)) out.push(item);
  return out;
}

describe("splitJsonArray", () => {
  it("splits elements with quotes, escapes and brackets inside strings, at any chunk boundary", async () => {
    const values = [
      { instruction: 'say "hi" [ok] {yes}', output: "back\\slash \\\" ] } ,", n: [1, [2, { x: "]" }]] },
      "plain ] string, with comma",
      42,
      null,
      { emoji: "😀 é ✓", nested: { deep: [[[]]] } },
    ];
    const text = `  \n[\n ${values.map((v) => JSON.stringify(v, null, 1)).join(" ,\n ")} \n]\n`;
    for (const size of [1, 2, 3, 5, 17, 4096]) {
      const items = await elements(text, size);
      expect(items.map((i) => ("text" in i ? JSON.parse(i.text) : i))).toEqual(values);
      expect(items.map((i) => i.index)).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it("reports what is wrong with the array", async () => {
    expect(await elements("[]", 1)).toEqual([]);
    expect(await elements('{"a": 1}', 3)).toEqual([{ index: 1, error: 'not a JSON array (it starts with "{" instead of "[")', fatal: true, scope: "file" }]);
    expect(await elements("", 3)).toEqual([{ index: 1, error: "not a JSON array (the file is empty)", fatal: true, scope: "file" }]);
    const cut = await elements('[{"a": 1}, {"b": "unfinished', 4);
    expect(cut).toEqual([
      { index: 1, text: '{"a": 1}' },
      { index: 2, error: "the file ends inside this element (is the file cut off?)", fatal: true, scope: "element" },
    ]);
    expect(await elements('[1,,2] x', 2)).toEqual([
      { index: 1, text: "1" },
      { index: 2, error: "empty element (two commas in a row)", fatal: false, scope: "element" },
      { index: 3, text: "2" },
      { index: 4, error: 'unexpected text after the end of the array ("x…")', fatal: true, scope: "file" },
    ]);
    expect(await elements(`[1, "${"x".repeat(100)}", 3]`, 7, 50)).toEqual([
      { index: 1, text: "1" },
      { index: 2, tooLong: true },
      { index: 3, text: "3" },
    ]);
  });
});

describe("readCases alpaca", () => {
  it("reads AlpacaEval gpt4_1106_preview: 805 cases, each with its recorded answer and generator", async () => {
    const file = outputsOf("gpt4_1106_preview");
    expect(existsSync(file), `AlpacaEval data not found at ${file} (set ALPACA_EVAL_DIR)`).toBe(true);
    const events = await collect(createReadStream(file, { highWaterMark: 16 * 1024 }), { format: "alpaca" });
    expect(badOf(events)).toEqual([]);
    const cases = casesOf(events);
    expect(cases).toHaveLength(805);
    expect(events.map((e) => e.line)).toEqual(Array.from({ length: 805 }, (_, i) => i + 1));
    expect(cases.every((c) => c.model === "gpt4_1106_preview" && typeof c.response === "string" && c.response.length > 0)).toBe(true);
    expect(cases[0]).toMatchObject({
      messages: [{ role: "user", content: "What are the names of some famous actors that started their careers on Broadway?" }],
      metadata: { dataset: "helpful_base" },
      usage: null,
      latencyMs: null,
    });
    // The file escapes "/" as "\/"; JSON.parse restores it.
    expect(cases[0]!.response).toContain("A Memory of Two Mondays / 27 Wagons Full of Cotton");

    const scan = await scanImport(createReadStream(file), { format: "auto", fileName: "model_outputs.json" });
    expect(scan).toMatchObject({ format: "alpaca", total: 805, good: 805, badCount: 0, recordedAnswers: 805, duplicates: 0, models: { gpt4_1106_preview: 805 } });
  });

  it("counts duplicates when two models answered the same instructions", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "tradeoff-alpaca-"));
    try {
      const lines: string[] = [];
      for (const model of ["gpt4_1106_preview", "gpt-4o-mini-2024-07-18"]) {
        for await (const ev of readCases(createReadStream(outputsOf(model)), { format: "alpaca" })) {
          if (ev.type === "case") lines.push(JSON.stringify({ messages: ev.case.messages, response: ev.case.response, model: ev.case.model }));
        }
      }
      const file = path.join(dir, "both.jsonl");
      await writeFile(file, lines.join("\n"));
      const scan = await scanImport(createReadStream(file), { format: "auto" });
      expect(scan).toMatchObject({
        format: "jsonl",
        good: 1610,
        duplicates: 805,
        duplicateGroups: 805,
        recordedAnswers: 1610,
        models: { gpt4_1106_preview: 805, "gpt-4o-mini-2024-07-18": 805 },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("names bad elements by index", async () => {
    const text = JSON.stringify([
      { instruction: "ok", output: "yes", generator: "g" },
      { output: "no instruction" },
      { instruction: "   ", output: "x" },
      "just a string",
      { instruction: "Translate", input: "bonjour", output: "hello" },
    ]);
    const events = await collect(chunked(text, 9), { format: "alpaca" });
    expect(badOf(events)).toEqual([
      { line: 2, reason: "element 2: no instruction" },
      { line: 3, reason: "element 3: instruction is empty" },
      { line: 4, reason: "element 4: expected an object {instruction, output, generator}, got a string" },
    ]);
    expect(casesOf(events)[1]).toEqual({ messages: [{ role: "user", content: "Translate\n\nbonjour" }], response: "hello", model: null, usage: null, latencyMs: null });
    expect(badOf(await collect('[{"instruction": "a"}, {"instruction": "b"', { format: "alpaca" }))).toEqual([
      { line: 2, reason: "element 2: the file ends inside this element (is the file cut off?)" },
    ]);
  });
});
