// zod schemas for what a route or action receives alongside an upload (format, CSV mapping, limits).
import { z } from "zod";
import { DEFAULT_MAX_LINE_BYTES, IMPORT_FORMATS, type ImportFormat } from "./types";

const column = z.string().trim().min(1, "Pick a column").max(200);

export const csvMappingSchema = z.object({
  prompt: column,
  system: column.optional(),
  response: column.optional(),
  model: column.optional(),
  promptTokens: column.optional(),
  completionTokens: column.optional(),
  latencyMs: column.optional(),
  reference: column.optional(),
});

export const importFormatSchema = z.enum(IMPORT_FORMATS as [ImportFormat, ...ImportFormat[]]);

export const importOptionsSchema = z.object({
  format: z.union([importFormatSchema, z.literal("auto")]).default("auto"),
  csvMapping: csvMappingSchema.optional(),
  csvDelimiter: z.enum([",", ";", "\t"]).optional(),
  maxLineBytes: z.number().int().min(1024).max(16 * DEFAULT_MAX_LINE_BYTES).optional(),
  maxCases: z.number().int().min(1).optional(),
  fileName: z.string().max(500).optional(),
});
