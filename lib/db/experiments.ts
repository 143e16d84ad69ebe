import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RubricCriterion, Tolerances } from "@/lib/domain/types";
import type { ChatMessage } from "@/lib/portkey/call";
import { db, isPostgres } from "./client";

export interface NewCase {
  messages: ChatMessage[];
  promptHash: string;
  recordedResponse?: string | null;
  recordedModel?: string | null;
  recordedUsage?: { promptTokens: number; completionTokens: number; cachedTokens: number } | null;
  recordedLatencyMs?: number | null;
  reference?: string | null;
  metadata?: Record<string, unknown> | null;
}

export interface ExperimentParams {
  temperature?: number;
  maxTokens?: number;
  concurrency?: number;
}

export interface NewExperiment {
  name: string;
  source: "compare" | "typed" | "import";
  baselineSlug: string;
  candidateSlugs: string[];
  judgeSlug: string | null;
  rubric: RubricCriterion[];
  tolerances: Tolerances;
  params: ExperimentParams;
  cases: NewCase[];
}

const CHUNK = 500;

type Tx = Parameters<Parameters<Awaited<ReturnType<typeof db>>["$transaction"]>[0]>[0];

/** Inserts cases from index `startIdx` on, with one pending cell per case x model; a recorded answer is the baseline's. */
async function insertCases(tx: Tx, experimentId: string, startIdx: number, cases: NewCase[], models: string[], baseline: string): Promise<string[]> {
  const caseIds: string[] = [];
  for (let start = 0; start < cases.length; start += CHUNK) {
    const slice = cases.slice(start, start + CHUNK);
    const first = startIdx + start;
    await tx.case.createMany({
      data: slice.map((c, i) => ({
        experimentId,
        idx: first + i,
        messages: c.messages as unknown as Prisma.InputJsonValue,
        promptHash: c.promptHash,
        recordedResponse: c.recordedResponse ?? null,
        recordedModel: c.recordedModel ?? null,
        recordedUsage: (c.recordedUsage ?? undefined) as Prisma.InputJsonValue | undefined,
        recordedLatencyMs: c.recordedLatencyMs ?? null,
        reference: c.reference ?? null,
        metadata: (c.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
      })),
    });
    const created = await tx.case.findMany({ where: { experimentId, idx: { gte: first, lt: first + slice.length } }, select: { id: true, recordedResponse: true }, orderBy: { idx: "asc" } });
    await tx.response.createMany({
      data: created.flatMap((c) =>
        models.map((m) => ({ experimentId, caseId: c.id, modelSlug: m, status: "pending", source: m === baseline && c.recordedResponse !== null ? "recorded" : "live" })),
      ),
    });
    caseIds.push(...created.map((c) => c.id));
  }
  return caseIds;
}

const TX = { timeout: 300_000, maxWait: 10_000 };

/** Creates the experiment, its cases and one pending cell per case x model, all or nothing. */
export async function createExperiment(input: NewExperiment): Promise<{ id: string; caseIds: string[] }> {
  const prisma = await db();
  const models = [input.baselineSlug, ...input.candidateSlugs.filter((c) => c !== input.baselineSlug)];
  return prisma.$transaction(async (tx) => {
    const exp = await tx.experiment.create({
      data: {
        name: input.name,
        source: input.source,
        status: "queued",
        baselineSlug: input.baselineSlug,
        candidateSlugs: input.candidateSlugs,
        judgeSlug: input.judgeSlug,
        rubric: input.rubric as unknown as Prisma.InputJsonValue,
        tolerances: input.tolerances as unknown as Prisma.InputJsonValue,
        params: input.params as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    const caseIds = await insertCases(tx, exp.id, 0, input.cases, models, input.baselineSlug);
    return { id: exp.id, caseIds };
  }, TX);
}

/** Adds cases to an existing experiment (e.g. extending a sampled replay), all or nothing. */
export async function appendCases(experimentId: string, cases: NewCase[]): Promise<number> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const exp = await tx.experiment.findUniqueOrThrow({ where: { id: experimentId }, select: { baselineSlug: true, candidateSlugs: true } });
    const last = await tx.case.findFirst({ where: { experimentId }, orderBy: { idx: "desc" }, select: { idx: true } });
    const candidates = exp.candidateSlugs as string[];
    const models = [exp.baselineSlug, ...candidates.filter((c) => c !== exp.baselineSlug)];
    const ids = await insertCases(tx, experimentId, (last?.idx ?? -1) + 1, cases, models, exp.baselineSlug);
    await tx.experiment.update({ where: { id: experimentId }, data: { status: "queued" } });
    return ids.length;
  }, TX);
}

/** Metadata of every case (e.g. the log line each came from), for picking more cases from the same log. */
export async function caseMetadata(experimentId: string): Promise<unknown[]> {
  const prisma = await db();
  const rows = await prisma.case.findMany({ where: { experimentId }, select: { metadata: true } });
  return rows.map((r) => r.metadata);
}

export async function getExperiment(id: string) {
  const prisma = await db();
  return prisma.experiment.findUnique({ where: { id } });
}

export async function setExperimentStatus(id: string, status: string, extra: { lastError?: string | null; recommendation?: unknown } = {}): Promise<void> {
  const prisma = await db();
  const now = new Date();
  await prisma.experiment.update({
    where: { id },
    data: {
      status,
      ...(status === "running" ? { startedAt: now } : {}),
      ...(["done", "failed", "cancelled"].includes(status) ? { finishedAt: now } : {}),
      ...(extra.lastError !== undefined ? { lastError: extra.lastError } : {}),
      ...(extra.recommendation !== undefined ? { recommendation: extra.recommendation as Prisma.InputJsonValue } : {}),
    },
  });
}

export async function listExperiments(opts: { query?: string; status?: string; take?: number } = {}) {
  const prisma = await db();
  return prisma.experiment.findMany({
    where: {
      // SQLite's LIKE is case-insensitive already; PostgreSQL needs it asked for.
      ...(opts.query ? { name: { contains: opts.query, ...(isPostgres() ? { mode: "insensitive" as const } : {}) } } : {}),
      ...(opts.status ? { status: opts.status } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 100,
    select: { id: true, name: true, status: true, source: true, baselineSlug: true, candidateSlugs: true, judgeSlug: true, recommendation: true, createdAt: true, finishedAt: true, _count: { select: { cases: true } } },
  });
}

export async function saveRecommendation(id: string, recommendation: unknown): Promise<void> {
  const prisma = await db();
  await prisma.experiment.update({ where: { id }, data: { recommendation: recommendation as Prisma.InputJsonValue } });
}

/** Cell counts by status, and money spent so far (answers + judge). */
export async function experimentProgress(id: string) {
  const prisma = await db();
  const [groups, cost, judgeCost] = await Promise.all([
    prisma.response.groupBy({ by: ["status"], where: { experimentId: id }, _count: { _all: true } }),
    prisma.response.aggregate({ where: { experimentId: id, source: "live" }, _sum: { costUsd: true } }),
    prisma.judgment.aggregate({ where: { response: { experimentId: id } }, _sum: { costUsd: true } }),
  ]);
  const by = Object.fromEntries(groups.map((g) => [g.status, g._count._all])) as Record<string, number>;
  const total = groups.reduce((s, g) => s + g._count._all, 0);
  return {
    total,
    done: by.done ?? 0,
    failed: by.failed ?? 0,
    running: by.running ?? 0,
    pending: by.pending ?? 0,
    modelCostUsd: cost._sum.costUsd ?? 0,
    judgeCostUsd: judgeCost._sum.costUsd ?? 0,
  };
}

export async function listCases(experimentId: string, opts: { offset?: number; limit?: number } = {}) {
  const prisma = await db();
  return prisma.case.findMany({
    where: { experimentId },
    orderBy: { idx: "asc" },
    skip: opts.offset ?? 0,
    take: opts.limit ?? 100,
    select: { id: true, idx: true, messages: true, reference: true, recordedModel: true },
  });
}
