import "server-only";
import { createHash } from "node:crypto";
import { DEFAULT_RUBRIC, DEFAULT_TOLERANCES } from "@/lib/domain/types";
import { createExperiment } from "@/lib/db/experiments";
import { checkModels } from "@/lib/models/check";
import type { ChatMessage } from "@/lib/portkey/call";
import type { CompareRequest } from "@/lib/schemas/compare";

// One prompt to many models: stored as a one-case experiment (source "compare"), so it can be reopened and shared.

export function promptHash(messages: ChatMessage[]): string {
  return createHash("sha256").update(JSON.stringify(messages.map((m) => [m.role, m.content]))).digest("hex").slice(0, 32);
}

export async function startCompare(req: CompareRequest) {
  const messages: ChatMessage[] = req.messages ?? [
    ...(req.system ? [{ role: "system" as const, content: req.system }] : []),
    { role: "user" as const, content: req.prompt ?? "" },
  ];
  const infos = await checkModels(req.models, "models");
  if (req.judge) await checkModels([req.judge], "judge");
  const baseline = req.baseline ?? req.models[0]!;
  const firstUser = messages.find((m) => m.role === "user")?.content ?? "";
  const { id, caseIds } = await createExperiment({
    name: firstUser.replace(/\s+/g, " ").trim().slice(0, 80) || "Comparison",
    source: "compare",
    baselineSlug: baseline,
    candidateSlugs: req.models.filter((m) => m !== baseline),
    judgeSlug: req.judge ?? null,
    rubric: DEFAULT_RUBRIC,
    tolerances: DEFAULT_TOLERANCES,
    params: { temperature: req.temperature, maxTokens: req.maxTokens, concurrency: req.models.length + 1 },
    cases: [{ messages, promptHash: promptHash(messages) }],
  });
  return { experimentId: id, caseId: caseIds[0]!, models: req.models.map((s) => infos.get(s)!) };
}
