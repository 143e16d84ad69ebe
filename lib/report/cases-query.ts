import { z } from "zod";
import { CASE_FILTERS } from "./case-types";

// Query string of the cases APIs: ?offset=&limit=&filter=&q=&model= (limit at most 100). No server imports.

export const DEFAULT_CASES_LIMIT = 20;

const intParam = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : Number(v)))
    .pipe(z.number({ message: `${name} must be a number` }).int(`${name} must be a whole number`).min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

export const casesQuerySchema = z.object({
  offset: intParam("offset", 0, 10_000_000, 0),
  limit: intParam("limit", 1, 100, DEFAULT_CASES_LIMIT),
  filter: z.enum(CASE_FILTERS, { message: `filter must be one of ${CASE_FILTERS.join(", ")}` }).optional().default("all"),
  q: z.string().max(200, "q must be at most 200 characters").optional().default(""),
  model: z.string().max(100, "model is too long").optional(),
});

export type ParsedCasesQuery = z.infer<typeof casesQuerySchema>;

export function parseCasesQuery(params: URLSearchParams): ParsedCasesQuery {
  const get = (k: string) => params.get(k) ?? undefined;
  return casesQuerySchema.parse({ offset: get("offset"), limit: get("limit"), filter: get("filter") || undefined, q: get("q"), model: get("model") || undefined });
}
