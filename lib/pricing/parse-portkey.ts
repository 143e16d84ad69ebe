// Pure parsing of one file of Portkey's open pricing catalog (github.com/Portkey-AI/models, `pricing/{provider}.json`,
// also served at https://configs.portkey.ai/pricing/{provider}.json) into the project's ModelPrice.
//
// Catalog units are US CENTS per token: dollars per token = price / 100.
// Fields read: `<model>.pricing_config.pay_as_you_go.{request_token,response_token,cache_read_input_token}.price`.
//
// Decisions (the catalog uses 0 both for "free" and for "not filled in"):
// - Model missing from the file, or the file's `default` template entry          -> unknown (null).
// - request AND response price both 0                                            -> unknown (null). A real hosted model
//   is not free; this is how the catalog writes placeholders and its `default` entry. A run must never look free
//   because a price is missing: give the model an override if it really is free (e.g. a self-hosted model).
// - Exactly one of request/response is 0                                         -> kept (some models bill one side only).
// - Negative, non-finite or non-numeric request/response price                   -> unknown (null).
// - `currency` present and not USD                                               -> unknown (null).
// - cache_read_input_token missing, or 0, or invalid                              -> cachedInputPerToken null, i.e.
//   cached tokens are billed at the input rate. A 0 cache-read price is the catalog's placeholder far more often than
//   a real free cache, and billing at the input rate can only over-estimate, never hide a cost.

import type { ModelPrice } from "../domain/types";

export const PORTKEY_CATALOG_NAME = "Portkey pricing catalog";
export const PORTKEY_PRICING_URL = "https://configs.portkey.ai/pricing";

export type PortkeyPriceResult = { ok: true; price: ModelPrice } | { ok: false; reason: string };

/** Catalog cents per token -> dollars per token, rounded to 12 significant digits to drop binary noise (1.5e-5/100). */
export function centsToDollars(cents: number): number {
  return Number((cents / 100).toPrecision(12));
}

/** "Portkey pricing catalog: openai.json#gpt-4o-mini" */
export function portkeySourceLabel(provider: string, model: string): string {
  return `${PORTKEY_CATALOG_NAME}: ${provider}.json#${model}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function child(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

function readCents(payg: unknown, key: string): { present: false } | { present: true; value: unknown } {
  const entry = child(payg, key);
  if (entry === undefined) return { present: false };
  return { present: true, value: child(entry, "price") };
}

function validCents(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/**
 * Reads one model's price from a parsed provider file, with the reason when it cannot be priced.
 * @param file the parsed JSON of `{provider}.json`
 * @param provider the file's provider id (names the source, e.g. "openai")
 * @param model the model key inside the file (e.g. "gpt-4o-mini")
 * @param date ISO date (YYYY-MM-DD) of the catalog version the file comes from
 */
export function readPortkeyPrice(file: unknown, provider: string, model: string, date: string): PortkeyPriceResult {
  if (!isRecord(file)) return { ok: false, reason: `${provider}.json is not a JSON object` };
  if (model === "default") return { ok: false, reason: `"default" is the catalog's template entry, not a model` };
  const entry = child(file, model);
  if (entry === undefined) return { ok: false, reason: `model "${model}" is not in ${provider}.json` };
  const config = child(entry, "pricing_config");
  if (!isRecord(config)) return { ok: false, reason: `${provider}.json#${model} has no pricing_config` };

  const currency = child(config, "currency");
  if (currency !== undefined && currency !== "USD") {
    return { ok: false, reason: `${provider}.json#${model} is priced in ${String(currency)}, not USD` };
  }

  const payg = child(config, "pay_as_you_go");
  if (!isRecord(payg)) return { ok: false, reason: `${provider}.json#${model} has no pay_as_you_go prices` };

  const request = readCents(payg, "request_token");
  const response = readCents(payg, "response_token");
  if (!request.present || !validCents(request.value)) {
    return { ok: false, reason: `${provider}.json#${model} has no valid request_token price` };
  }
  if (!response.present || !validCents(response.value)) {
    return { ok: false, reason: `${provider}.json#${model} has no valid response_token price` };
  }
  if (request.value === 0 && response.value === 0) {
    return {
      ok: false,
      reason: `${provider}.json#${model} lists 0 for both request and response tokens (placeholder); treated as unknown`,
    };
  }

  const cacheRead = readCents(payg, "cache_read_input_token");
  const cachedInputPerToken =
    cacheRead.present && validCents(cacheRead.value) && cacheRead.value > 0 ? centsToDollars(cacheRead.value) : null;

  return {
    ok: true,
    price: {
      inputPerToken: centsToDollars(request.value),
      outputPerToken: centsToDollars(response.value),
      cachedInputPerToken,
      currency: "USD",
      source: portkeySourceLabel(provider, model),
      date,
    },
  };
}

/** Like readPortkeyPrice, but null when the model cannot be priced (never a 0 price). */
export function parsePortkeyPrice(file: unknown, provider: string, model: string, date: string): ModelPrice | null {
  const result = readPortkeyPrice(file, provider, model, date);
  return result.ok ? result.price : null;
}
