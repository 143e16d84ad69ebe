import { promptText, type CaseCellView, type CaseMessage } from "./case-types";

// The CSV writer of the export: RFC 4180 (fields with a quote, comma or line break are quoted, quotes doubled, CRLF
// line ends), plus protection against formula injection: a text field starting with = + - @ (or a tab / carriage
// return, which some spreadsheets skip before one of those) is prefixed with a single quote so that a spreadsheet
// shows it as text instead of evaluating it. Numbers are written as numbers: a negative number is not a formula.

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** One row per cell (a case answered by a model). */
export interface ExportCell extends CaseCellView {
  caseIdx: number;
  messages: CaseMessage[];
  role: "baseline" | "candidate";
}

const FIXED_COLUMNS = [
  "case_idx", "prompt", "model", "role", "source", "status", "content", "finish_reason", "prompt_tokens", "completion_tokens",
  "cached_tokens", "usage_estimated", "cost_usd", "latency_ms", "attempts", "refused", "refusal_signals", "quality",
] as const;
const TAIL_COLUMNS = ["judge_status", "judge_rationale", "judge_error", "error_code", "error"] as const;

/** Header: the fixed columns, one score_<criterion> column per rubric criterion, then the judge and error columns. */
export function csvHeader(criteria: readonly string[]): string {
  return csvRow([...FIXED_COLUMNS, ...criteria.map((c) => `score_${c}`), ...TAIL_COLUMNS]);
}

export function cellCsvRow(cell: ExportCell, criteria: readonly string[]): string {
  const j = cell.judge;
  return csvRow([
    cell.caseIdx,
    promptText(cell.messages),
    cell.model,
    cell.role,
    cell.source,
    cell.status,
    cell.content,
    cell.finishReason,
    cell.promptTokens,
    cell.completionTokens,
    cell.cachedTokens,
    cell.usageEstimated,
    cell.costUsd,
    cell.latencyMs,
    cell.attempts,
    cell.status === "done" ? cell.refused : null,
    cell.refusalSignals,
    j?.quality ?? null,
    ...criteria.map((c) => j?.scores?.[c] ?? null),
    j?.status ?? null,
    j?.rationale ?? null,
    j?.error ?? null,
    cell.errorCode,
    cell.error,
  ]);
}
