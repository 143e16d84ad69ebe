// Minimal RFC 4180 CSV reader: quoted fields may hold commas, CR/LF and doubled quotes ("").
// Used by the refusal measurement (tests and scripts/measure-refusal.ts); no dependencies.

import fs from "node:fs";
import path from "node:path";

/** Parses CSV text into rows of raw string fields. A trailing newline does not add an empty row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  let fieldStarted = false;
  let i = 0;
  const n = text.length;
  // Skip a UTF-8 byte order mark.
  if (n > 0 && text.charCodeAt(0) === 0xfeff) i = 1;

  const endField = () => {
    row.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < n) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === ",") {
      endField();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (inQuotes) throw new Error("CSV: unterminated quoted field");
  if (fieldStarted || row.length > 0) endRow();
  return rows;
}

/** Parses CSV with a header line into objects keyed by the header names. Missing cells become "". */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const rows = parseCsv(text);
  const header = rows[0];
  if (!header) return [];
  const out: Record<string, string>[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    if (cells.length === 1 && cells[0] === "") continue; // blank line
    const rec: Record<string, string> = {};
    header.forEach((name, j) => {
      rec[name] = cells[j] ?? "";
    });
    out.push(rec);
  }
  return out;
}

// ---------------------------------------------------------------------------
// XSTest dev data (node only). The data lives outside the repo, in ../shared/data/xstest-dev
// beside the repo root; it must never be copied into the repo.

export const XSTEST_FILES = ["xstest_v2_completions_gpt4.csv", "xstest_v2_completions_mistralinstruct.csv"] as const;

/** Directory of the XSTest dev files: $XSTEST_DIR, else <repo root>/../shared/data/xstest-dev. */
export function resolveXstestDir(): string {
  const fromEnv = process.env.XSTEST_DIR;
  if (fromEnv && fromEnv.trim() !== "") return path.resolve(fromEnv);
  // This file is <repo>/lib/refusal/csv-read.ts.
  return path.resolve(__dirname, "../../../shared/data/xstest-dev");
}

export interface XstestRecord {
  id: string;
  type: string;
  prompt: string;
  completion: string;
  finalLabel: string;
}

/** Reads one XSTest completions file (columns id,type,prompt,completion,...,final_label). */
export function readXstestFile(file: string): XstestRecord[] {
  const text = fs.readFileSync(file, "utf8");
  return parseCsvRecords(text).map((r) => ({
    id: r.id ?? "",
    type: r.type ?? "",
    prompt: r.prompt ?? "",
    completion: r.completion ?? "",
    finalLabel: r.final_label ?? "",
  }));
}

/** Reads both XSTest completion files from `dir` (default resolveXstestDir()). */
export function readXstestDev(dir: string = resolveXstestDir()): { name: string; records: XstestRecord[] }[] {
  return XSTEST_FILES.map((name) => ({ name, records: readXstestFile(path.join(dir, name)) }));
}
