import { z } from "zod";
import { csvMappingSchema, importFormatSchema } from "@/lib/import/schemas";
import { slugSchema } from "./compare";
import { rubricSchema, tolerancesSchema } from "./experiment";

export const inspectSchema = z.object({ format: importFormatSchema.optional(), csvMapping: csvMappingSchema.optional() }).strict();

const replayBase = {
  format: importFormatSchema.optional(),
  csvMapping: csvMappingSchema.optional(),
  baseline: slugSchema,
  candidates: z.array(slugSchema).min(1, "pick at least one candidate").max(12, "pick at most 12 candidates"),
  judge: slugSchema.nullable().optional(),
  sample: z.number({ message: "sample must be a number" }).int("sample must be a whole number").min(1, "sample must be at least 1").max(20_000, "sample must be at most 20,000").optional(),
  rubric: rubricSchema.optional(),
};

export const replayEstimateSchema = z.object(replayBase).strict();

export const replayCreateSchema = z
  .object({
    ...replayBase,
    name: z.string().trim().min(1).max(120).optional(),
    tolerances: tolerancesSchema.optional(),
    concurrency: z.number().int().min(1).max(256).optional(),
    /** The log has bad lines: true imports the good ones; otherwise nothing is imported. */
    acceptBadLines: z.boolean({ message: "acceptBadLines must be true or false" }).optional(),
  })
  .strict()
  .refine((v) => !v.candidates.includes(v.baseline), { path: ["candidates"], message: "the baseline must not also be a candidate" });

export const extendSchema = z.object({ count: z.number({ message: "count must be a number" }).int().min(1, "count must be at least 1").max(20_000, "count must be at most 20,000") }).strict();
