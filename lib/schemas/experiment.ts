import { z } from "zod";
import { chatMessageSchema, MAX_PROMPT_CHARS, slugSchema } from "./compare";

// Creating an experiment: typed or pasted prompts (one per line, or JSONL), models, judge, rubric and tolerances.

export const MAX_CASES = 20_000;

export const rubricSchema = z
  .array(
    z.object({
      name: z.string().trim().min(1, "criterion name must not be empty").max(64, "criterion name is too long"),
      weight: z.number({ message: "weight must be a number" }).gt(0, "weight must be greater than 0").max(1, "weight must be at most 1"),
      description: z.string().max(500).optional(),
    }),
    { message: "rubric must be a list of {name, weight}" },
  )
  .min(1, "rubric needs at least one criterion")
  .max(20, "rubric has at most 20 criteria")
  .refine((r) => Math.abs(r.reduce((s, c) => s + c.weight, 0) - 1) < 1e-6, "rubric weights must sum to 1")
  .refine((r) => new Set(r.map((c) => c.name.toLowerCase())).size === r.length, "rubric criteria must have different names");

export const tolerancesSchema = z
  .object({
    qualityDropPercent: z.number().min(0, "qualityDropPercent must be ≥ 0").max(100),
    refusalRisePoints: z.number().min(0, "refusalRisePoints must be ≥ 0").max(100),
    maxErrorRatePercent: z.number().min(0).max(100),
  })
  .partial();

export const caseInputSchema = z
  .object({
    prompt: z.string().trim().min(1, "prompt must not be empty").max(MAX_PROMPT_CHARS).optional(),
    messages: z.array(chatMessageSchema).min(1).max(200).optional(),
    reference: z.string().max(MAX_PROMPT_CHARS).optional(),
    response: z.string().max(MAX_PROMPT_CHARS).optional(),
  })
  .refine((c) => Boolean(c.prompt) !== Boolean(c.messages), "each case needs a prompt or messages (not both)");

export const createExperimentSchema = z
  .object({
    name: z.string().trim().min(1, "name must not be empty").max(120, "name must be at most 120 characters").optional(),
    prompts: z.array(z.string().trim().min(1, "prompts must not contain empty entries").max(MAX_PROMPT_CHARS)).max(MAX_CASES).optional(),
    text: z.string().max(20 * 1024 * 1024).optional(),
    cases: z.array(caseInputSchema).max(MAX_CASES).optional(),
    system: z.string().max(MAX_PROMPT_CHARS).optional(),
    baseline: slugSchema,
    candidates: z.array(slugSchema).min(1, "pick at least one candidate").max(12, "pick at most 12 candidates"),
    judge: slugSchema.nullable().optional(),
    rubric: rubricSchema.optional(),
    tolerances: tolerancesSchema.optional(),
    params: z
      .object({
        temperature: z.number().min(0).max(2).optional(),
        maxTokens: z.number().int().min(1).max(32_000).optional(),
        concurrency: z.number().int().min(1, "concurrency must be at least 1").max(256, "concurrency must be at most 256").optional(),
      })
      .strict()
      .optional(),
    start: z.boolean().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const sources = [v.prompts, v.text, v.cases].filter((s) => s !== undefined).length;
    if (sources === 0) ctx.addIssue({ code: "custom", path: ["prompts"], message: "give the cases as prompts, text or cases" });
    if (sources > 1) ctx.addIssue({ code: "custom", path: ["prompts"], message: "give the cases in one of prompts, text or cases" });
    if (v.candidates.includes(v.baseline)) ctx.addIssue({ code: "custom", path: ["candidates"], message: "the baseline must not also be a candidate" });
    if (new Set(v.candidates).size !== v.candidates.length) ctx.addIssue({ code: "custom", path: ["candidates"], message: "candidates must not repeat" });
  });

export type CreateExperimentInput = z.infer<typeof createExperimentSchema>;

export const experimentIdSchema = z.string().regex(/^[a-z0-9]{20,32}$/, "not a valid experiment id");
