import "server-only";
import type { RubricCriterion } from "@/lib/domain/types";
import { getExperiment, setExperimentStatus, type ExperimentParams } from "@/lib/db/experiments";
import { getModelsBySlugs, toTarget } from "@/lib/db/models";
import { caseForRun, pendingCells, saveCellOutcome, saveJudgment, unjudgedCells, updateCellRefusal, type CellOutcome, type PendingCell } from "@/lib/db/responses";
import type { ChatMessage } from "@/lib/portkey/call";
import { logError } from "@/lib/log";
import { answerLive, answerRecorded } from "./cell";
import { judgeCell } from "./judge-cell";
import { Limiter } from "./limiter";
import { priceForRow } from "./prices";
import { computeAndStoreReport } from "@/lib/report/store";

// Runs every unfinished cell of an experiment: pending ones, and "running" ones left by a crash (called again once).
// State lives in the database, so a run can stop anywhere and resume from there.

export type RunEvent =
  | { type: "cell"; responseId: string; caseId: string; model: string; outcome: CellOutcome }
  | { type: "judgment"; responseId: string; caseId: string; model: string; quality: number | null; refused: boolean | null; rationale: string | null; error: string | null; costUsd: number | null }
  | { type: "progress"; done: number; failed: number; total: number; costUsd: number }
  | { type: "finished"; status: "done" | "cancelled" | "failed" };

export interface RunOptions {
  onEvent?: (e: RunEvent) => void;
  signal?: AbortSignal;
  /** Also re-run failed cells ("retry failed"). */
  retryFailed?: boolean;
  /** Per-provider concurrency cap (defaults to the global limit). */
  perProvider?: number;
}

const DEFAULT_CONCURRENCY = 8;

export async function runExperiment(experimentId: string, opts: RunOptions = {}): Promise<"done" | "cancelled" | "failed"> {
  const exp = await getExperiment(experimentId);
  if (!exp) throw new Error(`experiment ${experimentId} not found`);
  const params = (exp.params ?? {}) as ExperimentParams;
  const rubric = exp.rubric as unknown as RubricCriterion[];
  const candidateSlugs = exp.candidateSlugs as string[];
  const slugs = [exp.baselineSlug, ...candidateSlugs, ...(exp.judgeSlug ? [exp.judgeSlug] : [])];
  const rows = await getModelsBySlugs(slugs);
  const emit = (e: RunEvent) => {
    try {
      opts.onEvent?.(e);
    } catch (err) {
      logError("run event listener", err);
    }
  };

  await setExperimentStatus(experimentId, "running", { lastError: null });
  const cells = await pendingCells(experimentId, { includeFailed: opts.retryFailed });
  const concurrency = Math.max(1, params.concurrency ?? DEFAULT_CONCURRENCY);
  const limiter = new Limiter(concurrency, () => opts.perProvider ?? concurrency);
  const judgeRow = exp.judgeSlug ? rows.get(exp.judgeSlug) : undefined;
  const judgeTarget = judgeRow ? toTarget(judgeRow) : undefined;
  const judgePrice = judgeRow ? priceForRow(judgeRow) : null;
  let done = 0, failed = 0, cost = 0;
  const total = cells.length;

  const judge = async (responseId: string, caseId: string, model: string, messages: ChatMessage[], answer: string, reference: string | null) => {
    if (!judgeTarget) return;
    const j = await limiter.run(judgeTarget.provider, async () => {
      const graded = await judgeCell({ judge: judgeTarget, judgePrice, rubric, messages, answer, reference, metadata: { experiment: experimentId, case: caseId, judged_model: model }, traceId: `${responseId}` });
      await saveJudgment(responseId, graded);
      return graded;
    });
    if (j.costUsd) cost += j.costUsd;
    emit({ type: "judgment", responseId, caseId, model, quality: j.quality, refused: j.refused, rationale: j.rationale, error: j.error, costUsd: j.costUsd });
    return j;
  };

  // Cells come in case order, so the few models of one case share one read of its text; a small cache is enough.
  const caseCache = new Map<string, Promise<Awaited<ReturnType<typeof caseForRun>>>>();
  const loadCase = (caseId: string) => {
    let hit = caseCache.get(caseId);
    if (!hit) {
      hit = caseForRun(caseId);
      caseCache.set(caseId, hit);
      if (caseCache.size > 4 * concurrency + 16) caseCache.delete(caseCache.keys().next().value!);
    }
    return hit;
  };

  const runCell = async (cell: PendingCell) => {
    if (opts.signal?.aborted) return;
    const row = rows.get(cell.modelSlug);
    const kase = await loadCase(cell.caseId);
    const messages = kase.messages as unknown as ChatMessage[];
    let outcome: CellOutcome;
    if (cell.source === "recorded" && kase.recordedResponse !== null) {
      outcome = answerRecorded({
        price: row ? priceForRow(row) : null,
        messages,
        content: kase.recordedResponse,
        usage: (kase.recordedUsage as { promptTokens: number; completionTokens: number; cachedTokens: number } | null) ?? null,
        latencyMs: kase.recordedLatencyMs,
      });
    } else if (!row) {
      outcome = failedOutcome("unknown_model", `Model ${cell.modelSlug} is not in the catalog`);
    } else {
      const target = toTarget(row);
      // The answer is saved inside the concurrency slot: a finished call is on disk before the next one starts,
      // so a crash can only lose the calls in flight (at most `concurrency` of them).
      const live = await limiter.run(target.provider, async () => {
        if (opts.signal?.aborted) return null;
        // No "running" write before the call: a cell still pending after a crash is simply called again (once),
        // and skipping that write per cell doubles the throughput the database allows.
        const o = await answerLive({
          target,
          price: priceForRow(row),
          messages,
          params: { temperature: params.temperature, maxTokens: params.maxTokens },
          metadata: { experiment: experimentId, case: cell.caseId },
          traceId: `tradeoff-${cell.id}-${cell.attempts}`,
        });
        await saveCellOutcome(cell.id, o, cell.attempts);
        return o;
      });
      if (!live) return;
      outcome = live;
    }
    if (cell.source === "recorded" || !row) await saveCellOutcome(cell.id, outcome, cell.attempts);
    if (outcome.status === "done") done++;
    else failed++;
    if (outcome.costUsd) cost += outcome.costUsd;
    emit({ type: "cell", responseId: cell.id, caseId: cell.caseId, model: cell.modelSlug, outcome });
    if (outcome.status === "done" && outcome.content !== null) {
      const j = await judge(cell.id, cell.caseId, cell.modelSlug, messages, outcome.content, kase.reference);
      if (j?.refused && !outcome.refused) {
        await updateCellRefusal(cell.id, true, [outcome.refusalSignals, "judge"].filter(Boolean).join(","));
      }
    }
    emit({ type: "progress", done, failed, total, costUsd: cost });
  };

  try {
    // A pool of workers pulls cells in order (rather than one promise per cell): memory stays flat however large the
    // run; the limiter still caps calls in flight globally and per provider.
    let next = 0;
    const worker = async () => {
      while (next < cells.length && !opts.signal?.aborted) {
        const c = cells[next++]!;
        await runCell(c).catch((err) => {
          failed++;
          logError(`cell ${c.id}`, err);
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(cells.length, concurrency * 2) }, worker));
    // Answers whose grade was lost (crash between answer and judgment) are graded now.
    if (judgeTarget && !opts.signal?.aborted) {
      const orphans = await unjudgedCells(experimentId);
      await Promise.all(orphans.map((o) => (o.content === null ? undefined : judge(o.id, o.caseId, o.modelSlug, (o.case.messages as unknown as ChatMessage[]), o.content, o.case.reference))));
    }
    const status = opts.signal?.aborted ? "cancelled" : "done";
    await computeAndStoreReport(experimentId);
    await setExperimentStatus(experimentId, status);
    emit({ type: "finished", status });
    return status;
  } catch (err) {
    logError(`run ${experimentId}`, err);
    await setExperimentStatus(experimentId, "failed", { lastError: "The run stopped on an internal error; start it again to resume." }).catch(() => {});
    emit({ type: "finished", status: "failed" });
    return "failed";
  }
}

function failedOutcome(code: string, message: string): CellOutcome {
  return {
    status: "failed", content: null, finishReasonRaw: null, finishReason: "error", promptTokens: null, completionTokens: null, cachedTokens: null,
    usageEstimated: false, costUsd: null, latencyMs: null, attempts: 0, traceId: null, errorCode: code, error: message, refused: null, refusalSignals: null,
  };
}
