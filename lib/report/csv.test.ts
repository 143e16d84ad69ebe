import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { cellCsvRow, csvField, csvHeader, csvRow, type ExportCell } from "./csv";

describe("csvField (RFC 4180)", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvField("hello")).toBe("hello");
    expect(csvField(0.25)).toBe("0.25");
    expect(csvField(-3.2)).toBe("-3.2"); // a number is not a formula
    expect(csvField(true)).toBe("true");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("quotes fields with commas, quotes or line breaks and doubles the quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line1\nline2")).toBe('"line1\nline2"');
    expect(csvField("cr\r\nlf")).toBe('"cr\r\nlf"');
  });

  it("defuses formula injection with a leading single quote", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("+SUM(A1:A2)")).toBe("'+SUM(A1:A2)");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField("\t=1")).toBe("'\t=1");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField("a = b")).toBe("a = b");
  });

  it("writes CRLF rows that a CSV parser reads back to the same values", () => {
    const values = ["x,y", 'q"uote', "multi\nline", "=cmd|' /C calc'!A0", 1.5, null];
    const text = csvRow(values) + csvRow(["second", 2, "", "", "", ""]);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parse(text) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(["x,y", 'q"uote', "multi\nline", "'=cmd|' /C calc'!A0", "1.5", ""]);
  });
});

describe("cell rows", () => {
  const cell: ExportCell = {
    caseIdx: 3,
    messages: [{ role: "user", content: "=2+2, what is it?" }],
    role: "candidate",
    model: "demo-swift",
    status: "done",
    source: "live",
    content: 'It is "4".\nDone.',
    finishReason: "stop",
    promptTokens: 10,
    completionTokens: 5,
    cachedTokens: 0,
    usageEstimated: false,
    costUsd: 0.00012,
    latencyMs: 250,
    attempts: 1,
    refused: false,
    refusalSignals: null,
    errorCode: null,
    error: null,
    judge: { status: "done", quality: 0.8, scores: { accuracy: 0.9, clarity: 0.7 }, refused: false, rationale: "fine, mostly", error: null },
  };

  it("has one score column per criterion, aligned with the header", () => {
    const header = parse(csvHeader(["accuracy", "clarity"]))[0] as string[];
    const row = parse(cellCsvRow(cell, ["accuracy", "clarity"]))[0] as string[];
    expect(row).toHaveLength(header.length);
    const rec = Object.fromEntries(header.map((h, i) => [h, row[i]]));
    expect(rec).toMatchObject({
      case_idx: "3",
      prompt: "'=2+2, what is it?",
      model: "demo-swift",
      content: 'It is "4".\nDone.',
      cost_usd: "0.00012",
      quality: "0.8",
      score_accuracy: "0.9",
      score_clarity: "0.7",
      judge_rationale: "fine, mostly",
      refused: "false",
      error: "",
    });
  });

  it("writes a failed cell with its error and empty scores", () => {
    const failed: ExportCell = { ...cell, status: "failed", content: null, judge: null, errorCode: "timeout", error: "The model did not answer in time." };
    const row = parse(cellCsvRow(failed, ["accuracy"]))[0] as string[];
    const header = parse(csvHeader(["accuracy"]))[0] as string[];
    const rec = Object.fromEntries(header.map((h, i) => [h, row[i]]));
    expect(rec).toMatchObject({ status: "failed", content: "", quality: "", score_accuracy: "", refused: "", error_code: "timeout", error: "The model did not answer in time." });
  });
});
