import "server-only";
import { DEFAULT_RUBRIC, DEFAULT_TOLERANCES } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";
import { createExperiment } from "@/lib/db/experiments";
import { promptHash } from "@/lib/compare/start";
import { checkModels } from "@/lib/models/check";
import type { ChatMessage } from "@/lib/portkey/call";
import { MAX_CASES, type CreateExperimentInput } from "@/lib/schemas/experiment";
import { parsePasted, type PastedCase } from "./paste";

export async function createExperimentFromInput(input: CreateExperimentInput): Promise<{ id: string; cases: number }> {
  const pre: ChatMessage[] = input.system?.trim() ? [{ role: "system", content: input.system.trim() }] : [];
  let cases: PastedCase[];
  if (input.text !== undefined) {
    const parsed = parsePasted(input.text, input.system);
    if (!parsed.ok) {
      const fields = Object.fromEntries(parsed.errors.slice(0, 20).map((e) => [`text.line${e.line}`, e.reason]));
      throw new AppError("validation_failed", `The pasted cases have ${parsed.errors.length} bad line(s); first: line ${parsed.errors[0]!.line}: ${parsed.errors[0]!.reason}`, fields);
    }
    cases = parsed.cases;
  } else if (input.prompts) {
    cases = input.prompts.map((p) => ({ messages: [...pre, { role: "user", content: p }] }));
  } else {
    cases = (input.cases ?? []).map((c) => ({
      messages: c.messages ?? [...pre, { role: "user" as const, content: c.prompt ?? "" }],
      ...(c.reference ? { reference: c.reference } : {}),
      ...(c.response ? { response: c.response } : {}),
    }));
  }
  if (!cases.length) throw new AppError("validation_failed", "Invalid request — prompts: there are no cases to run", { prompts: "there are no cases to run" });
  if (cases.length > MAX_CASES) {
    const field = input.text !== undefined ? "text" : "prompts";
    throw new AppError("validation_failed", `Invalid request — ${field}: ${cases.length} cases; at most ${MAX_CASES} per experiment (replay a sample of a larger log)`, { [field]: `at most ${MAX_CASES} cases` });
  }
  await checkModels([input.baseline], "baseline");
  await checkModels(input.candidates, "candidates");
  if (input.judge) await checkModels([input.judge], "judge");
  const first = cases[0]!.messages.find((m) => m.role === "user")?.content ?? "";
  const { id } = await createExperiment({
    name: input.name ?? (cases.length === 1 ? first.slice(0, 80) : `${cases.length} prompts · ${input.baseline} vs ${input.candidates.join(", ")}`).slice(0, 120),
    source: "typed",
    baselineSlug: input.baseline,
    candidateSlugs: input.candidates,
    judgeSlug: input.judge ?? null,
    rubric: input.rubric ?? DEFAULT_RUBRIC,
    tolerances: { ...DEFAULT_TOLERANCES, ...input.tolerances },
    params: input.params ?? {},
    cases: cases.map((c) => ({
      messages: c.messages,
      promptHash: promptHash(c.messages),
      reference: c.reference ?? null,
      recordedResponse: c.response ?? null,
      recordedModel: c.response ? input.baseline : null,
    })),
  });
  return { id, cases: cases.length };
}
