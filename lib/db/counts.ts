import "server-only";
import { db } from "./client";

/** Row counts of every table: lets tests prove a rejected request changed nothing. */
export async function tableCounts(): Promise<Record<string, number>> {
  const prisma = await db();
  const [models, experiments, cases, responses, judgments, shareLinks] = await Promise.all([
    prisma.model.count(),
    prisma.experiment.count(),
    prisma.case.count(),
    prisma.response.count(),
    prisma.judgment.count(),
    prisma.shareLink.count(),
  ]);
  return { models, experiments, cases, responses, judgments, shareLinks };
}
