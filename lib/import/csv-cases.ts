// CSV rows + a column mapping -> cases.
import type { CsvItem } from "./csv-rows";
import type { CsvMapping, ImportedCase } from "./types";

const NULLISH = new Set(["", "na", "n/a", "null", "none", "-"]);

export type CsvRowResult = { ok: true; case: ImportedCase } | { ok: false; error: string };

export interface BoundMapping {
  columns: string[];
  index: Partial<Record<keyof CsvMapping, number>>;
}

/** Finds each mapped column in the header (exact name first, then ignoring case and spaces). */
export function bindMapping(mapping: CsvMapping, columns: string[]): { ok: true; value: BoundMapping } | { ok: false; error: string } {
  const norm = (s: string) => s.trim().toLowerCase();
  const index: BoundMapping["index"] = {};
  for (const [field, name] of Object.entries(mapping) as [keyof CsvMapping, string | undefined][]) {
    if (name === undefined || name === "") continue;
    let i = columns.indexOf(name);
    if (i === -1) i = columns.findIndex((c) => norm(c) === norm(name));
    if (i === -1) {
      const list = columns.slice(0, 20).map((c) => `"${c}"`).join(", ");
      return { ok: false, error: `column "${name}" (${field}) is not in the header; the columns are ${list}` };
    }
    index[field] = i;
  }
  return { ok: true, value: { columns, index } };
}

/** Milliseconds from "1234", "1234ms", "1.2s". */
function parseLatency(v: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/i.exec(v.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return m[2]?.toLowerCase() === "s" ? n * 1000 : n;
}

function parseCount(v: string): number | null {
  const n = Number(v.trim().replace(/[,_]/g, ""));
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : null;
}

export function caseFromCsvRow(item: Extract<CsvItem, { kind: "row" }>, bound: BoundMapping): CsvRowResult {
  const { index, columns } = bound;
  // Text cells are null only when empty ("None" may be a real answer); number cells also accept NA, null, -.
  const cell = (field: keyof CsvMapping, isNumber = false): string | null => {
    const i = index[field];
    if (i === undefined) return null;
    const v = item.fields[i];
    if (v === undefined || v === "") return null;
    return isNumber && NULLISH.has(v.trim().toLowerCase()) ? null : v;
  };
  const promptCol = columns[index.prompt ?? -1] ?? "prompt";
  const prompt = cell("prompt");
  if (prompt === null || prompt.trim() === "") {
    const short = (index.prompt ?? 0) >= item.fields.length;
    return {
      ok: false,
      error: short
        ? `has ${item.fields.length} fields but the header has ${columns.length}; column "${promptCol}" is missing`
        : `column "${promptCol}" is empty`,
    };
  }
  const numbers: Partial<Record<"promptTokens" | "completionTokens" | "latencyMs", number | null>> = {};
  for (const field of ["promptTokens", "completionTokens", "latencyMs"] as const) {
    const v = cell(field, true);
    if (v === null) continue;
    const n = field === "latencyMs" ? parseLatency(v) : parseCount(v);
    if (n === null) return { ok: false, error: `column "${columns[index[field]!]}" is not a number ("${v.slice(0, 30)}")` };
    numbers[field] = n;
  }
  const system = cell("system");
  const messages: ImportedCase["messages"] = system?.trim() ? [{ role: "system", content: system }] : [];
  messages.push({ role: "user", content: prompt });
  const hasUsage = numbers.promptTokens !== undefined || numbers.completionTokens !== undefined;
  const c: ImportedCase = {
    messages,
    response: cell("response"),
    model: cell("model")?.trim() || null,
    usage: hasUsage
      ? { promptTokens: numbers.promptTokens ?? 0, completionTokens: numbers.completionTokens ?? 0, cachedTokens: 0 }
      : null,
    latencyMs: numbers.latencyMs ?? null,
  };
  const reference = cell("reference");
  if (index.reference !== undefined) c.reference = reference;
  return { ok: true, case: c };
}
