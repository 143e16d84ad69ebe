import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect";
import { promptHash } from "./hash";
import { scanImport } from "./scan";
import { jsonl } from "./test-helpers";

function forcedGc(): (() => void) | null {
  try {
    v8.setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return null;
  }
}

describe("scanImport", () => {
  it("summarises a log: totals, bad lines (first 100 kept), duplicates, models, sample", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) {
      if (i % 2 === 1) lines.push("oops"); // 150 bad lines
      else lines.push(jsonl({ prompt: `q${i % 20}`, response: i % 4 === 0 ? "a" : undefined, model: i % 6 === 0 ? "m1" : "m2" }));
    }
    const r = await scanImport(lines.join("\n"), { format: "jsonl" });
    expect(r).toMatchObject({ format: "jsonl", total: 300, good: 150, badCount: 150, recordedAnswers: 75, models: { m1: 50, m2: 100 }, truncated: false });
    expect(r.bad).toHaveLength(100);
    expect(r.bad[0]).toEqual({ line: 2, reason: expect.stringMatching(/^line 2: not valid JSON/) });
    // 10 distinct prompts (q0, q2, … q18) over 150 good lines.
    expect(r.duplicateGroups).toBe(10);
    expect(r.duplicates).toBe(140);
    expect(r.sample.map((c) => c.messages[0]?.content)).toEqual(["q0", "q2", "q4", "q6", "q8"]);
  });

  it("stops at maxCases and says so", async () => {
    const text = jsonl(...Array.from({ length: 20 }, (_, i) => ({ prompt: `p${i}` })));
    expect(await scanImport(text, { format: "auto", maxCases: 5 })).toMatchObject({ good: 5, total: 5, truncated: true });
  });

  it("scans a 100,000-line JSONL in one streaming pass with bounded memory", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "tradeoff-import-"));
    const file = path.join(dir, "big.jsonl");
    const BAD: Record<number, string> = {
      10: "{truncated",
      25_001: JSON.stringify({ question: "no prompt field" }),
      50_001: JSON.stringify({ messages: [{ role: "tool", content: "x" }] }),
      75_001: "",
      99_998: JSON.stringify({ messages: [] }),
    };
    const filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt. ";
    try {
      const out = createWriteStream(file);
      const models: Record<string, number> = {};
      for (let line = 1; line <= 100_000; line++) {
        // Every 1000th line repeats the previous line's prompt: 100 duplicates in 100 groups.
        const id = line % 1000 === 0 ? line - 1 : line;
        const model = ["gpt-4o-mini", "gpt-4o", "claude-3-5-haiku"][line % 3]!;
        if (BAD[line] === undefined) models[model] = (models[model] ?? 0) + 1;
        const text =
          BAD[line] ??
          JSON.stringify({
            messages: [
              { role: "system", content: "You are a helpful assistant for an online shop." },
              { role: "user", content: `Ticket ${id}: ${filler.slice(0, 40 + (id % 60))}` },
            ],
            response: `Answer ${line}: ${filler}${filler}${filler.slice(0, line % 90)}`,
            model,
            usage: { prompt_tokens: 40 + (line % 50), completion_tokens: 60 + (line % 70) },
            latency_ms: 200 + (line % 800),
          });
        if (!out.write(`${text}\n`)) await once(out, "drain");
      }
      out.end();
      await once(out, "finish");
      const size = (await stat(file)).size;
      expect(size).toBeGreaterThan(50 * 1024 * 1024);

      const gc = forcedGc();
      gc?.();
      const measure = () => (gc ? process.memoryUsage().heapUsed : process.memoryUsage().rss);
      const base = measure();
      let peak = base;
      const timer = setInterval(() => {
        peak = Math.max(peak, measure());
      }, 10);
      const started = performance.now();
      const r = await scanImport(createReadStream(file), { format: "auto", fileName: "big.jsonl" });
      const seconds = (performance.now() - started) / 1000;
      clearInterval(timer);
      peak = Math.max(peak, measure());

      // 75,001 is a blank line: skipped, not counted.
      expect(r).toMatchObject({ format: "jsonl", total: 99_999, good: 99_995, badCount: 4, duplicates: 100, duplicateGroups: 100, recordedAnswers: 99_995 });
      expect(r.bad.map((b) => b.line)).toEqual([10, 25_001, 50_001, 99_998]);
      expect(r.bad[1]!.reason).toBe("line 25001: no prompt: needs messages (list of {role, content}) or prompt");
      expect(r.models).toEqual(models);
      expect(Object.values(models).reduce((a, b) => a + b)).toBe(99_995);
      const growthMb = (peak - base) / (1024 * 1024);
      console.log(`scan of ${(size / 1048576).toFixed(0)} MB: ${seconds.toFixed(2)} s, peak ${gc ? "heap" : "rss"} growth ${growthMb.toFixed(1)} MB`);
      expect(growthMb).toBeLessThan(150);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("detectFormat and promptHash", () => {
  it("guesses the format from the first bytes and the file name", () => {
    expect(detectFormat('{"messages": [{"role": "user", "content": "hi"}]}\n')).toBe("jsonl");
    expect(detectFormat('\uFEFF  {"prompt": "hi"}', "x.jsonl")).toBe("jsonl");
    expect(detectFormat('[\n  {\n    "dataset":"helpful_base",\n    "instruction":"What')).toBe("alpaca");
    expect(detectFormat('{"id":"1","trace_id":"t","request":{"messages":[]},"ai_model":"gpt-4o"}')).toBe("portkey");
    expect(detectFormat("prompt,response\nhi,there\n")).toBe("csv");
    expect(detectFormat("", "log.csv")).toBe("csv");
    expect(detectFormat("", "log.jsonl")).toBe("jsonl");
  });

  it("hashes roles and contents: 32 hex characters, stable, sensitive to role and boundaries", () => {
    const h = promptHash([{ role: "user", content: "hi" }]);
    expect(h).toMatch(/^[0-9a-f]{32}$/);
    expect(promptHash([{ role: "user", content: "hi" }])).toBe(h);
    expect(promptHash([{ role: "system", content: "hi" }])).not.toBe(h);
    expect(promptHash([{ role: "user", content: "a" }, { role: "user", content: "b" }])).not.toBe(promptHash([{ role: "user", content: "ab" }]));
  });
});
