import { DEFAULT_RUBRIC, DEFAULT_TOLERANCES, type RubricCriterion } from "@/lib/domain/types";
import { validateRubric } from "@/lib/judge/rubric";

// State of the new-experiment form, its defaults and the request bodies built from it. Numbers stay strings while
// they are being typed; they are parsed when a body is built.

export interface RubricRow {
  id: number;
  name: string;
  weight: string;
  description: string;
}

/** Row ids are only React keys and input ids: deterministic, so the server and browser render the same ids. */
export function rubricRow(id: number, c: Partial<RubricCriterion> = {}): RubricRow {
  return { id, name: c.name ?? "", weight: c.weight === undefined ? "" : String(c.weight), description: c.description ?? "" };
}

export const defaultRubricRows = (): RubricRow[] => DEFAULT_RUBRIC.map((c, i) => rubricRow(i, c));

export function addRubricRow(rows: readonly RubricRow[]): RubricRow[] {
  return [...rows, rubricRow(rows.reduce((m, r) => Math.max(m, r.id), -1) + 1)];
}

export interface RunSettings {
  qualityDropPercent: string;
  refusalRisePoints: string;
  maxErrorRatePercent: string;
  concurrency: string;
  maxTokens: string;
}

export const DEFAULT_CONCURRENCY = 8;

export const defaultSettings = (): RunSettings => ({
  qualityDropPercent: String(DEFAULT_TOLERANCES.qualityDropPercent),
  refusalRisePoints: String(DEFAULT_TOLERANCES.refusalRisePoints),
  maxErrorRatePercent: String(DEFAULT_TOLERANCES.maxErrorRatePercent),
  concurrency: String(DEFAULT_CONCURRENCY),
  maxTokens: "",
});

/** A typed number, or undefined when the field is empty or not a finite number. */
export function num(v: string): number | undefined {
  if (v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

export function rubricFromRows(rows: readonly RubricRow[]): RubricCriterion[] {
  return rows.map((r) => ({
    name: r.name.trim(),
    weight: num(r.weight) ?? Number.NaN,
    ...(r.description.trim() ? { description: r.description.trim() } : {}),
  }));
}

export interface RubricCheck {
  ok: boolean;
  sum: number;
  /** Form-level message ("weights must sum to 1 …"). */
  message: string | null;
  /** Per row: {name?, weight?} messages. */
  rows: Record<number, { name?: string; weight?: string }>;
}

export function checkRubric(rows: readonly RubricRow[]): RubricCheck {
  const rubric = rubricFromRows(rows);
  const sum = rubric.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  const v = validateRubric(rubric);
  if (v.ok) return { ok: true, sum, message: null, rows: {} };
  const out: RubricCheck = { ok: false, sum, message: null, rows: {} };
  for (const e of v.errors) {
    const m = /^rubric\[(\d+)\]\.(name|weight)$/.exec(e.field);
    if (m) {
      const row = (out.rows[Number(m[1])] ??= {});
      row[m[2] as "name" | "weight"] ??= e.message;
    } else out.message ??= e.message;
  }
  return out;
}

export interface ApiError {
  message: string;
  fields: Record<string, string>;
}

/** The first server message for a field or any of its children ("candidates" matches "candidates.1"). */
export function fieldMessage(error: ApiError | null, ...names: string[]): string | undefined {
  if (!error) return undefined;
  for (const [k, v] of Object.entries(error.fields)) {
    if (names.some((n) => k === n || k.startsWith(`${n}.`))) return v;
  }
  return undefined;
}

/** Fields the form shows next to an input; anything else is shown in the general error. */
export const SHOWN_FIELDS = ["name", "text", "prompts", "system", "baseline", "candidates", "judge", "rubric", "tolerances", "params"];
