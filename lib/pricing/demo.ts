// Fixed, simulated prices for the demo models (kind "demo" in lib/catalog/models.ts). They are not any provider's
// price: they only make the demo's cost column and recommendation meaningful. The source says so everywhere it shows.

import type { ModelPrice } from "../domain/types";

export const DEMO_PRICE_SOURCE = "demo (simulated price)";
export const DEMO_PRICE_DATE = "2026-11-27";

function demoPrice(inputPerMillion: number, outputPerMillion: number): ModelPrice {
  return {
    inputPerToken: inputPerMillion / 1_000_000,
    outputPerToken: outputPerMillion / 1_000_000,
    cachedInputPerToken: null,
    currency: "USD",
    source: DEMO_PRICE_SOURCE,
    date: DEMO_PRICE_DATE,
  };
}

/** Dollars per token; comments give $ per 1M input / output tokens. */
export const DEMO_PRICES: Readonly<Record<string, ModelPrice>> = Object.freeze({
  "demo-swift": demoPrice(0.1, 0.4), // $0.10 / $0.40
  "demo-balanced": demoPrice(0.5, 1.5), // $0.50 / $1.50
  "demo-premium": demoPrice(3, 12), // $3 / $12
  "demo-judge": demoPrice(0.15, 0.6), // $0.15 / $0.60
});
