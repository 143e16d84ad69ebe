// What the per-case explorer and the exports see of a case and its cells. Plain data, safe for the browser:
// no internal ids (a shared report must not reveal them), no trace ids, never a key.
import type { CellFields } from "@/lib/domain/types";

export interface CaseMessage {
  role: string;
  content: string;
}

export interface CaseJudgeView {
  status: string;
  quality: number | null;
  scores: Record<string, number> | null;
  refused: boolean | null;
  rationale: string | null;
  error: string | null;
}

export interface CaseCellView extends CellFields {
  model: string;
  /** pending | running | done | failed */
  status: string;
  /** live | recorded (a production answer replayed from the log) */
  source: string;
  /** Any refusal signal fired (finish reason, classifier or judge). */
  refused: boolean;
  judge: CaseJudgeView | null;
}

export interface CaseView {
  idx: number;
  messages: CaseMessage[];
  reference: string | null;
  /** Baseline first, then the candidates in the experiment's order. */
  cells: CaseCellView[];
}

export const CASE_FILTERS = ["all", "lower", "refusals", "errors", "judge_errors"] as const;
export type CaseFilter = (typeof CASE_FILTERS)[number];

export interface CasesPage {
  /** Cases matching the filter and the search. */
  total: number;
  offset: number;
  limit: number;
  filter: CaseFilter;
  q: string;
  /** The model the "scored lower than baseline" filter compares (null when there is no candidate). */
  target: string | null;
  /** Cases per filter, before the text search. */
  counts: Record<CaseFilter, number>;
  cases: CaseView[];
}

/** The prompt as one text: a lone user message as is, otherwise "role: content" blocks. */
export function promptText(messages: readonly CaseMessage[]): string {
  if (messages.length === 1 && messages[0]?.role === "user") return messages[0].content;
  return messages.map((m) => `${m.role}: ${m.content}`).join("\n\n");
}
