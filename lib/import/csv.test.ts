import { createReadStream } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { previewCsv } from "./csv-preview";
import { csvMappingSchema, importOptionsSchema } from "./schemas";
import { suggestCsvMapping } from "./csv-suggest";
import { badOf, casesOf, chunked, collect } from "./test-helpers";

const XSTEST_DIR = process.env.XSTEST_DIR ?? path.resolve(__dirname, "../../../shared/data/xstest-dev");

const LOG = [
  "question,sys,answer,llm,in_tok,out_tok,latency", // 1
  'What is 2+2?,Be brief.,4,gpt-4o-mini,12,1,350', // 2
  '"A question, with a comma and ""quotes""",,"Multi', // 3
  'line answer",gpt-4o,30,40,1.5s', // 4
  "", // 5 blank
  ',,orphan answer,gpt-4o,1,1,1', // 6: empty prompt
  'Tokens?,,x,gpt-4o,lots,1,1', // 7: not a number
  'Short row', // 8
  'NA latency,,y,gpt-4o,1,2,N/A', // 9
].join("\r\n");

const MAPPING = {
  prompt: "question",
  system: "sys",
  response: "answer",
  model: "llm",
  promptTokens: "in_tok",
  completionTokens: "out_tok",
  latencyMs: "latency",
};

describe("readCases csv", () => {
  it("maps columns, keeps record line numbers across multi-line fields and names bad rows", async () => {
    for (const size of [5, 1 << 16]) {
      const events = await collect(chunked(LOG, size), { format: "csv", csvMapping: MAPPING });
      expect(events.filter((e) => e.type === "case").map((e) => e.line)).toEqual([2, 3, 8, 9]);
      const [a, b, c, d] = casesOf(events);
      expect(a).toEqual({
        messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "What is 2+2?" }],
        response: "4",
        model: "gpt-4o-mini",
        usage: { promptTokens: 12, completionTokens: 1, cachedTokens: 0 },
        latencyMs: 350,
      });
      expect(b).toMatchObject({
        messages: [{ role: "user", content: 'A question, with a comma and "quotes"' }],
        response: "Multi\r\nline answer",
        latencyMs: 1500,
      });
      expect(c).toMatchObject({ messages: [{ role: "user", content: "Short row" }], response: null, model: null, usage: null });
      expect(d).toMatchObject({ latencyMs: null, usage: { promptTokens: 1, completionTokens: 2 } });
      expect(badOf(events)).toEqual([
        { line: 6, reason: 'row 3 (line 6): column "question" is empty' },
        { line: 7, reason: 'row 4 (line 7): column "in_tok" is not a number ("lots")' },
      ]);
    }
  });

  it("says which mapped column is missing from the header", async () => {
    const events = await collect(LOG, { format: "csv", csvMapping: { prompt: "prompt" } });
    expect(badOf(events)).toHaveLength(1);
    expect(badOf(events)[0]!.reason).toBe(
      'line 1: column "prompt" (prompt) is not in the header; the columns are "question", "sys", "answer", "llm", "in_tok", "out_tok", "latency"',
    );
  });

  it("reports a quote that never closes at the line its record starts, after the rows before it", async () => {
    const events = await collect('prompt,response\nfine,ok\n"broken,ok\nmore,rows\n', { format: "csv", csvMapping: { prompt: "prompt" } });
    expect(casesOf(events)).toHaveLength(1);
    expect(badOf(events)).toEqual([
      { line: 3, reason: 'line 3: a quoted field in this record is never closed (a missing " ?); stopped reading' },
    ]);
  });

  it("caps record size", async () => {
    const text = `prompt\nshort\n\n"${"z".repeat(3000)}"\nafter\n`;
    for (const size of [100, 1 << 16]) {
      const events = await collect(chunked(text, size), { format: "csv", csvMapping: { prompt: "prompt" }, maxLineBytes: 1024 });
      expect(casesOf(events)).toHaveLength(1);
      expect(badOf(events)).toEqual([{ line: 4, reason: 'line 4: record longer than 1 KB (a missing closing quote?); stopped reading' }]);
    }
  });

  it("guesses the mapping when none is given, and reads semicolon and tab files", async () => {
    const semi = "\uFEFFInstruction;System Prompt;Output;Model Name;prompt_tokens;completion_tokens;latency_ms\nHi;;Hello;m1;3;4;5\n";
    const semiEvents = await collect(semi, { format: "auto", fileName: "x.csv" });
    expect(semiEvents.map((e) => [e.type, e.line])).toEqual([["case", 2]]);
    const [c] = casesOf(semiEvents);
    expect(c).toEqual({ messages: [{ role: "user", content: "Hi" }], response: "Hello", model: "m1", usage: { promptTokens: 3, completionTokens: 4, cachedTokens: 0 }, latencyMs: 5 });
    const tsv = "input\texpected\nQ\tA\n";
    expect(casesOf(await collect(tsv, { format: "csv" }))).toEqual([
      { messages: [{ role: "user", content: "Q" }], response: null, model: null, usage: null, latencyMs: null, reference: "A" },
    ]);
  });
});

describe("import option schemas", () => {
  it("validate what a route receives", () => {
    expect(importOptionsSchema.parse({})).toEqual({ format: "auto" });
    expect(importOptionsSchema.safeParse({ format: "xml" }).success).toBe(false);
    expect(csvMappingSchema.safeParse({ prompt: " " }).success).toBe(false);
    expect(csvMappingSchema.parse({ prompt: "question", response: "answer" })).toEqual({ prompt: "question", response: "answer" });
  });
});

describe("previewCsv", () => {
  it("returns columns, the first rows and a suggested mapping, from a string", async () => {
    const p = await previewCsv(LOG.replace("question", "prompt").replace("answer", "completion").replace("in_tok", "input_tokens").replace("out_tok", "output_tokens").replace("llm", "model"), 2);
    expect(p.columns).toEqual(["prompt", "sys", "completion", "model", "input_tokens", "output_tokens", "latency"]);
    expect(p.rows).toEqual([
      ["What is 2+2?", "Be brief.", "4", "gpt-4o-mini", "12", "1", "350"],
      ['A question, with a comma and "quotes"', "", "Multi\r\nline answer", "gpt-4o", "30", "40", "1.5s"],
    ]);
    expect(p.delimiter).toBe(",");
    expect(p.suggestedMapping).toEqual({
      prompt: "prompt",
      response: "completion",
      model: "model",
      promptTokens: "input_tokens",
      completionTokens: "output_tokens",
      latencyMs: "latency",
    });
  });

  it("guesses the real XSTest completions file (prompt, completion) from a stream", async () => {
    const p = await previewCsv(createReadStream(path.join(XSTEST_DIR, "xstest_v2_completions_gpt4.csv")));
    expect(p.columns).toContain("prompt");
    expect(p.rows).toHaveLength(5);
    expect(p.suggestedMapping).toMatchObject({ prompt: "prompt", response: "completion" });
    expect(p.suggestedMapping.model).toBeUndefined();
  });

  it("suggests common header names and never maps one column twice", () => {
    expect(suggestCsvMapping(["Question", "Answer", "prompt_tokens", "completion_tokens", "duration_ms"])).toEqual({
      prompt: "Question",
      response: "Answer",
      promptTokens: "prompt_tokens",
      completionTokens: "completion_tokens",
      latencyMs: "duration_ms",
    });
    expect(suggestCsvMapping(["user_query", "model_response", "generator"])).toEqual({ prompt: "user_query", response: "model_response", model: "generator" });
    expect(suggestCsvMapping(["id", "notes"])).toEqual({});
  });
});
