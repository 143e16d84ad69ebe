import type { CellFields } from "@/lib/domain/types";
import type { CaseCellView, CaseMessage, CaseView } from "./case-types";

// Stored rows -> the plain case view (baseline first, then candidates in the experiment's order; other rows dropped).

export interface StoredCaseRow {
  idx: number;
  messages: unknown;
  reference: string | null;
  responses: StoredCellRow[];
}

export interface StoredCellRow extends CellFields {
  modelSlug: string;
  status: string;
  source: string;
  refused: boolean | null;
  judgment: { status: string; quality: number | null; scores: unknown; refused: boolean | null; rationale: string | null; error: string | null } | null;
}

export function toMessages(raw: unknown): CaseMessage[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((m) => {
    if (!m || typeof m !== "object") return [];
    const { role, content } = m as { role?: unknown; content?: unknown };
    return typeof content === "string" ? [{ role: typeof role === "string" ? role : "user", content }] : [];
  });
}

function toScores(raw: unknown): Record<string, number> | null {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return null;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "number" && Number.isFinite(v)) out[k] = v;
  return out;
}

export function toCellView(r: StoredCellRow): CaseCellView {
  const j = r.judgment;
  return {
    model: r.modelSlug,
    status: r.status,
    source: r.source,
    content: r.content,
    finishReason: r.finishReason,
    promptTokens: r.promptTokens,
    completionTokens: r.completionTokens,
    cachedTokens: r.cachedTokens,
    usageEstimated: r.usageEstimated,
    costUsd: r.costUsd,
    latencyMs: r.latencyMs,
    attempts: r.attempts,
    refused: r.status === "done" && Boolean(r.refused || j?.refused),
    refusalSignals: r.refusalSignals,
    errorCode: r.errorCode,
    error: r.error,
    judge: j ? { status: j.status, quality: j.quality, scores: toScores(j.scores), refused: j.refused, rationale: j.rationale, error: j.error } : null,
  };
}

export function toCaseView(row: StoredCaseRow, models: readonly string[]): CaseView {
  const bySlug = new Map(row.responses.map((r) => [r.modelSlug, r]));
  const cells = models.flatMap((m) => {
    const r = bySlug.get(m);
    return r ? [toCellView(r)] : [];
  });
  return { idx: row.idx, messages: toMessages(row.messages), reference: row.reference, cells };
}
