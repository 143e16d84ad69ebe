import "server-only";
import { createHash } from "node:crypto";
import { DEFAULT_RUBRIC, DEFAULT_TOLERANCES } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";
import { createExperiment } from "@/lib/db/experiments";
import { getModelsBySlugs } from "@/lib/db/models";
import { modelInfo, type ModelInfo } from "@/lib/models/status";
import type { ChatMessage } from "@/lib/portkey/call";
import type { CompareRequest } from "@/lib/schemas/compare";

// One prompt to many models: stored as a one-case experiment (source "compare"), so it can be reopened and shared.

export function promptHash(messages: ChatMessage[]): string {
  return createHash("sha256").update(JSON.stringify(messages.map((m) => [m.role, m.content]))).digest("hex").slice(0, 32);
}

export async function checkModels(slugs: string[], field: string): Promise<Map<string, ModelInfo>> {
  const rows = await getModelsBySlugs(slugs);
  const fields: Record<string, string> = {};
  const infos = new Map<string, ModelInfo>();
  slugs.forEach((slug, i) => {
    const row = rows.get(slug);
    const key = slugs.length > 1 || field === "models" ? `${field}.${i}` : field;
    if (!row) fields[key] = `unknown model "${slug}"`;
    else {
      const info = modelInfo(row);
      if (!info.connection.connected) fields[key] = `${info.label} is not connected: ${info.connection.note}`;
      infos.set(slug, info);
    }
  });
  if (Object.keys(fields).length) {
    throw new AppError("validation_failed", `Invalid request — ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; ")}`, fields);
  }
  return infos;
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
