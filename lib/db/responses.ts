import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CellFields } from "@/lib/domain/types";
import { db } from "./client";

// Cells (Response rows) and their judgments. A cell moves pending -> running -> done | failed; a cell found
// "running" when a run starts was in flight at a crash and is called again (at most once, as it is marked first).

/** Unfinished cells, small rows only (no case text), in case order: a run of 100k cells stays light in memory. */
export async function pendingCells(experimentId: string, opts: { includeFailed?: boolean } = {}) {
  const prisma = await db();
  const statuses = opts.includeFailed ? ["pending", "running", "failed"] : ["pending", "running"];
  return prisma.response.findMany({
    where: { experimentId, status: { in: statuses } },
    select: { id: true, caseId: true, modelSlug: true, source: true, status: true, attempts: true },
    orderBy: [{ case: { idx: "asc" } }, { modelSlug: "asc" }],
  });
}

/** What a run needs of one case: its messages and the recorded production answer, if any. */
export async function caseForRun(caseId: string) {
  const prisma = await db();
  return prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { messages: true, recordedResponse: true, recordedUsage: true, recordedLatencyMs: true, reference: true },
  });
}

export type PendingCell = Awaited<ReturnType<typeof pendingCells>>[number];

export interface CellOutcome extends CellFields {
  status: "done" | "failed";
  finishReasonRaw: string | null;
  traceId: string | null;
  refused: boolean | null;
}

export async function saveCellOutcome(id: string, outcome: CellOutcome, previousAttempts = 0): Promise<void> {
  const prisma = await db();
  await prisma.response.update({ where: { id }, data: { ...outcome, attempts: previousAttempts + outcome.attempts, finishedAt: new Date() } });
}

export interface JudgmentOutcome {
  judgeSlug: string;
  promptVersion: string;
  status: "done" | "failed";
  scores: Record<string, number> | null;
  quality: number | null;
  refused: boolean | null;
  rationale: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number | null;
  attempts: number;
  error: string | null;
}

export async function saveJudgment(responseId: string, j: JudgmentOutcome): Promise<void> {
  const prisma = await db();
  const data = { ...j, scores: (j.scores ?? undefined) as Prisma.InputJsonValue | undefined };
  await prisma.judgment.upsert({ where: { responseId }, create: { responseId, ...data }, update: data });
}

export async function updateCellRefusal(id: string, refused: boolean, signals: string | null): Promise<void> {
  const prisma = await db();
  await prisma.response.update({ where: { id }, data: { refused, refusalSignals: signals } });
}

/** Cells that answered but have no judgment yet (e.g. a crash between the answer and its grade). */
export async function unjudgedCells(experimentId: string) {
  const prisma = await db();
  return prisma.response.findMany({
    where: { experimentId, status: "done", judgment: null },
    select: { id: true, caseId: true, modelSlug: true, content: true, finishReason: true, case: { select: { messages: true, reference: true } } },
  });
}

export async function experimentCells(experimentId: string) {
  const prisma = await db();
  return prisma.response.findMany({
    where: { experimentId },
    select: {
      id: true, caseId: true, modelSlug: true, status: true, source: true, content: true, finishReasonRaw: true, finishReason: true,
      promptTokens: true, completionTokens: true, cachedTokens: true, usageEstimated: true, costUsd: true, latencyMs: true,
      attempts: true, traceId: true, errorCode: true, error: true, refused: true, refusalSignals: true,
      judgment: { select: { status: true, scores: true, quality: true, refused: true, rationale: true, costUsd: true, promptTokens: true, completionTokens: true, error: true, judgeSlug: true, promptVersion: true } },
    },
  });
}

/** What the report needs of every cell — no answer text, so it stays light on large experiments. */
export async function experimentCellStats(experimentId: string) {
  const prisma = await db();
  return prisma.response.findMany({
    where: { experimentId },
    select: {
      caseId: true, modelSlug: true, status: true, costUsd: true, latencyMs: true, refused: true,
      judgment: { select: { status: true, quality: true, refused: true } },
    },
  });
}
