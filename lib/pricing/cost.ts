// Cost of one call from its token usage, and the price lookup (override > price table > unknown).

import type { ModelPrice, Usage } from "../domain/types";
import { DEMO_PRICES } from "./demo";
import pricesJson from "./prices.json";
import { parsePriceTable, type PriceTable, type PriceTableFile } from "./table";

function loadBundled(): PriceTableFile {
  const parsed = parsePriceTable(pricesJson as unknown);
  if (!parsed.ok) {
    // A broken prices.json must not silently make every model unknown: fail loudly at import.
    throw new Error(`lib/pricing/prices.json: ${parsed.error}. Regenerate it with \`npm run prices:sync\`.`);
  }
  return parsed.table;
}

const BUNDLED = loadBundled();

/** Provider prices from prices.json plus the demo models' simulated prices. */
export const PRICE_TABLE: PriceTable = Object.freeze({ ...BUNDLED.models, ...DEMO_PRICES });

/** Metadata of the bundled prices.json: when it was generated, its source (commit, date), models it could not price. */
export const PRICE_TABLE_INFO: Readonly<Pick<PriceTableFile, "generatedAt" | "source" | "unpriced">> = Object.freeze({
  generatedAt: BUNDLED.generatedAt,
  source: BUNDLED.source,
  unpriced: BUNDLED.unpriced,
});

function isCount(n: unknown): n is number {
  return typeof n === "number" && Number.isFinite(n) && n >= 0;
}

/**
 * Cost in US dollars of one call:
 *   (promptTokens - cachedTokens) x input + cachedTokens x (cachedInput ?? input) + completionTokens x output.
 * cachedTokens are part of promptTokens; they are clamped to [0, promptTokens].
 * Returns null when the price is unknown (never 0) or when the usage is not a set of finite, non-negative counts.
 */
export function costOf(usage: Usage, price: ModelPrice | null): number | null {
  if (price === null) return null;
  const { promptTokens, completionTokens } = usage;
  if (!isCount(promptTokens) || !isCount(completionTokens)) return null;
  const cachedRaw = isCount(usage.cachedTokens) ? usage.cachedTokens : 0;
  const cached = Math.min(cachedRaw, promptTokens);
  const uncached = promptTokens - cached;
  const cachedRate = price.cachedInputPerToken ?? price.inputPerToken;
  return uncached * price.inputPerToken + cached * cachedRate + completionTokens * price.outputPerToken;
}

export type PriceOverrides = Readonly<Record<string, ModelPrice | null | undefined>>;

/**
 * The price of a model: its override if one is given, else the price table's entry, else null (unknown).
 * @param table defaults to the bundled table (prices.json + demo prices); pass another for tests or custom models.
 */
export function resolvePrice(slug: string, overrides?: PriceOverrides, table: PriceTable = PRICE_TABLE): ModelPrice | null {
  const override = overrides && Object.hasOwn(overrides, slug) ? overrides[slug] : undefined;
  const fromTable = Object.hasOwn(table, slug) ? table[slug] : undefined;
  return override ?? fromTable ?? null;
}
