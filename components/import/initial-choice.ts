// The first choices offered once a log is scanned: the model that answered in production as the baseline when the
// catalog has it (else the premium demo model), the other demo models as candidates, the demo judge, a sample of 20.
import type { ModelInfo } from "@/lib/models/status";
import { DEFAULT_SAMPLE, type ReplayChoice } from "./replay-models";

export function matchLogModel(models: readonly ModelInfo[], logModels: readonly string[]): ModelInfo | undefined {
  const names = new Set(logModels.map((n) => n.trim().toLowerCase()));
  const tail = (n: string) => n.split("/").pop() ?? n;
  return models.find((m) => names.has(m.slug.toLowerCase()) || names.has(m.upstreamModel.toLowerCase()) || [...names].some((n) => tail(n) === m.upstreamModel.toLowerCase()));
}

export function initialChoice(models: readonly ModelInfo[], logModels: readonly string[], good: number): ReplayChoice {
  const usable = models.filter((m) => m.connection.connected && m.slug !== "demo-judge");
  const baseline = matchLogModel(usable, logModels)?.slug ?? usable.find((m) => m.slug === "demo-premium")?.slug ?? usable[0]?.slug ?? "";
  const candidates = baseline.startsWith("demo-") ? usable.filter((m) => m.kind === "demo" && m.slug !== baseline).map((m) => m.slug) : [];
  const judge = models.some((m) => m.slug === "demo-judge" && m.connection.connected) ? "demo-judge" : "";
  return { baseline, candidates, judge, sampleMode: good > DEFAULT_SAMPLE ? "sample" : "all", sampleSize: String(Math.max(1, Math.min(DEFAULT_SAMPLE, good))) };
}
