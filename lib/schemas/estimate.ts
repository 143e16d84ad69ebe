import { z } from "zod";
import { MAX_PROMPT_CHARS, slugSchema } from "./compare";
import { MAX_CASES, rubricSchema } from "./experiment";

// POST /api/estimate: the same case sources and models as creating an experiment, nothing is called or stored.

export const estimateRequestSchema = z
  .object({
    prompts: z
      .array(z.string().trim().min(1, "prompts must not contain empty entries").max(MAX_PROMPT_CHARS), { message: "prompts must be a list of strings" })
      .max(MAX_CASES, `at most ${MAX_CASES.toLocaleString("en-US")} cases`)
      .optional(),
    text: z.string({ message: "text must be a string" }).max(20 * 1024 * 1024, "text is larger than 20 MB").optional(),
    system: z.string({ message: "system must be a string" }).max(MAX_PROMPT_CHARS).optional(),
    baseline: slugSchema,
    candidates: z.array(slugSchema, { message: "candidates must be a list of model ids" }).max(12, "pick at most 12 candidates").default([]),
    judge: slugSchema.nullable().optional(),
    rubric: rubricSchema.optional(),
    params: z
      .object({ maxTokens: z.number({ message: "maxTokens must be a number" }).int().min(1).max(32_000).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.prompts === undefined && v.text === undefined) ctx.addIssue({ code: "custom", path: ["text"], message: "give the cases as text or prompts" });
    if (v.prompts !== undefined && v.text !== undefined) ctx.addIssue({ code: "custom", path: ["text"], message: "give the cases in one of text or prompts" });
    if (v.candidates.includes(v.baseline)) ctx.addIssue({ code: "custom", path: ["candidates"], message: "the baseline must not also be a candidate" });
    if (new Set(v.candidates).size !== v.candidates.length) ctx.addIssue({ code: "custom", path: ["candidates"], message: "candidates must not repeat" });
  });

export type EstimateRequest = z.infer<typeof estimateRequestSchema>;
