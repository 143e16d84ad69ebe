// The project's own price-table format (lib/pricing/prices.json), written by scripts/prices-sync.ts.
// Prices are US dollars per token; every entry names its source and the date it was taken.

import { z } from "zod";
import type { ModelPrice } from "../domain/types";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected an ISO date YYYY-MM-DD");
const perToken = z.number().finite().nonnegative();

export const modelPriceSchema = z.object({
  inputPerToken: perToken,
  outputPerToken: perToken,
  cachedInputPerToken: perToken.nullable(),
  currency: z.literal("USD"),
  source: z.string().min(1),
  date: isoDate,
});

export const priceTableSourceSchema = z.object({
  name: z.string().min(1),
  url: z.string().min(1),
  /** Where the files were read from for this sync: a URL prefix or a local folder. */
  fetchedFrom: z.string().min(1),
  commit: z.string().nullable(),
  date: isoDate,
  license: z.string().nullable(),
  unit: z.string().min(1),
});

export const unpricedEntrySchema = z.object({
  slug: z.string(),
  file: z.string(),
  model: z.string(),
  reason: z.string(),
});

export const priceTableFileSchema = z.object({
  generatedAt: z.string().min(1),
  source: priceTableSourceSchema,
  models: z.record(z.string(), modelPriceSchema),
  /** Catalog models the sync could not price (they resolve to null until an override is given). */
  unpriced: z.array(unpricedEntrySchema).default([]),
});

export type PriceTableSource = z.infer<typeof priceTableSourceSchema>;
export type UnpricedEntry = z.infer<typeof unpricedEntrySchema>;
export type PriceTableFile = z.infer<typeof priceTableFileSchema>;

/** A slug -> price lookup. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

export type ParsePriceTableResult = { ok: true; table: PriceTableFile } | { ok: false; error: string };

/** Validates a parsed prices.json; the error names the offending path. */
export function parsePriceTable(json: unknown): ParsePriceTableResult {
  const result = priceTableFileSchema.safeParse(json);
  if (result.success) return { ok: true, table: result.data };
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? first.path.map(String).join(".") : "(root)";
  return { ok: false, error: `invalid price table at ${where}: ${first?.message ?? "unknown error"}` };
}

/** Dollars per 1M tokens, for display ($0.15 rather than 1.5e-7). */
export function perMillion(perTokenDollars: number): number {
  return Number((perTokenDollars * 1_000_000).toPrecision(12));
}
