import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../catalog/models";
import type { ModelPrice } from "../domain/types";
import { costOf, PRICE_TABLE, resolvePrice } from "./cost";
import { DEMO_PRICES, DEMO_PRICE_SOURCE } from "./demo";
import { centsToDollars, parsePortkeyPrice, readPortkeyPrice } from "./parse-portkey";
import pricesJson from "./prices.json";
import { formatSyncReport, syncPrices, syncTargetsFromCatalog } from "./sync";
import { parsePriceTable, perMillion } from "./table";

const PRICING_DIR = process.env.PORTKEY_PRICING_DIR ?? path.resolve(__dirname, "../../../shared/data/portkey-pricing");
const CATALOG_DATE = "2026-08-21";

async function loadLocal(provider: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(PRICING_DIR, `${provider}.json`), "utf8")) as unknown;
}

function price(partial: Partial<ModelPrice>): ModelPrice {
  return { inputPerToken: 1e-6, outputPerToken: 2e-6, cachedInputPerToken: null, currency: "USD", source: "test", date: "2026-01-01", ...partial };
}

describe("parsePortkeyPrice (real catalog)", () => {
  it("converts gpt-4o-mini from cents to dollars per token", async () => {
    const p = parsePortkeyPrice(await loadLocal("openai"), "openai", "gpt-4o-mini", CATALOG_DATE);
    expect(p).not.toBeNull();
    expect(p?.inputPerToken).toBeCloseTo(0.15 / 1e6, 15);
    expect(p?.outputPerToken).toBeCloseTo(0.6 / 1e6, 15);
    expect(p?.cachedInputPerToken).toBeCloseTo(0.075 / 1e6, 15);
    expect(p?.source).toBe("Portkey pricing catalog: openai.json#gpt-4o-mini");
    expect(p?.date).toBe(CATALOG_DATE);
    expect(p?.currency).toBe("USD");
  });

  it("has no cached price when the catalog lists none (gpt-3.5-turbo)", async () => {
    const p = parsePortkeyPrice(await loadLocal("openai"), "openai", "gpt-3.5-turbo", CATALOG_DATE);
    expect(p?.cachedInputPerToken).toBeNull();
    expect(perMillion(p?.inputPerToken ?? NaN)).toBe(0.5);
  });

  it("returns null for a model that is not in the file, and for the default template", async () => {
    const file = await loadLocal("openai");
    expect(parsePortkeyPrice(file, "openai", "no-such-model-xyz", CATALOG_DATE)).toBeNull();
    expect(parsePortkeyPrice(file, "openai", "default", CATALOG_DATE)).toBeNull();
    expect(parsePortkeyPrice(file, "openai", "__proto__", CATALOG_DATE)).toBeNull();
  });
});

describe("parsePortkeyPrice (edge cases)", () => {
  const file = (payg: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    m: { pricing_config: { pay_as_you_go: payg, ...extra } },
  });

  it("treats 0 request and 0 response as unknown, with a reason", () => {
    const r = readPortkeyPrice(file({ request_token: { price: 0 }, response_token: { price: 0 } }), "p", "m", CATALOG_DATE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/0 for both/);
  });

  it("keeps a model that bills only one side", () => {
    const p = parsePortkeyPrice(file({ request_token: { price: 0.0001 }, response_token: { price: 0 } }), "p", "m", CATALOG_DATE);
    expect(p?.inputPerToken).toBeCloseTo(1e-6, 15);
    expect(p?.outputPerToken).toBe(0);
  });

  it("bills cached tokens as input when the cache-read price is 0 or missing", () => {
    const zero = parsePortkeyPrice(
      file({ request_token: { price: 0.0001 }, response_token: { price: 0.0002 }, cache_read_input_token: { price: 0 } }),
      "p", "m", CATALOG_DATE,
    );
    expect(zero?.cachedInputPerToken).toBeNull();
  });

  it("rejects missing, negative, non-numeric prices and non-USD currencies", () => {
    expect(parsePortkeyPrice(file({ response_token: { price: 0.1 } }), "p", "m", CATALOG_DATE)).toBeNull();
    expect(parsePortkeyPrice(file({ request_token: { price: -1 }, response_token: { price: 0.1 } }), "p", "m", CATALOG_DATE)).toBeNull();
    expect(parsePortkeyPrice(file({ request_token: { price: "0.1" }, response_token: { price: 0.1 } }), "p", "m", CATALOG_DATE)).toBeNull();
    expect(
      parsePortkeyPrice(file({ request_token: { price: 0.1 }, response_token: { price: 0.1 } }, { currency: "EUR" }), "p", "m", CATALOG_DATE),
    ).toBeNull();
    expect(parsePortkeyPrice("not json", "p", "m", CATALOG_DATE)).toBeNull();
    expect(parsePortkeyPrice({ m: {} }, "p", "m", CATALOG_DATE)).toBeNull();
  });

  it("drops binary noise in the cents -> dollars conversion", () => {
    expect(centsToDollars(1.5e-5)).toBe(1.5e-7);
    expect(centsToDollars(0.00015)).toBe(1.5e-6);
  });
});

describe("costOf", () => {
  it("prices gpt-4o-mini at 1,000 prompt + 1,000 completion tokens at exactly $0.00075", async () => {
    const p = parsePortkeyPrice(await loadLocal("openai"), "openai", "gpt-4o-mini", CATALOG_DATE);
    const cost = costOf({ promptTokens: 1000, completionTokens: 1000, cachedTokens: 0 }, p);
    expect(cost).not.toBeNull();
    expect(cost).toBeCloseTo(0.00075, 12);
  });

  it("gives the same answer from the bundled table", () => {
    expect(costOf({ promptTokens: 1000, completionTokens: 1000, cachedTokens: 0 }, resolvePrice("gpt-4o-mini"))).toBeCloseTo(0.00075, 12);
  });

  it("prices cached tokens at the cached rate", async () => {
    const p = parsePortkeyPrice(await loadLocal("openai"), "openai", "gpt-4o-mini", CATALOG_DATE);
    // 400 uncached x $0.15/1M + 600 cached x $0.075/1M + 1000 x $0.60/1M
    const cost = costOf({ promptTokens: 1000, completionTokens: 1000, cachedTokens: 600 }, p);
    expect(cost).toBeCloseTo(400 * 0.15e-6 + 600 * 0.075e-6 + 1000 * 0.6e-6, 12);
    expect(cost).toBeCloseTo(0.000705, 12);
  });

  it("prices cached tokens at the input rate when there is no cached price", () => {
    const p = price({ inputPerToken: 1e-6, outputPerToken: 2e-6, cachedInputPerToken: null });
    expect(costOf({ promptTokens: 100, completionTokens: 10, cachedTokens: 50 }, p)).toBeCloseTo(100e-6 + 20e-6, 12);
  });

  it("clamps cached tokens to the prompt tokens", () => {
    const p = price({ inputPerToken: 1e-6, outputPerToken: 0, cachedInputPerToken: 1e-7 });
    expect(costOf({ promptTokens: 10, completionTokens: 0, cachedTokens: 50 }, p)).toBeCloseTo(10e-7, 15);
  });

  it("returns null, not 0, when the price is unknown", () => {
    const cost = costOf({ promptTokens: 1000, completionTokens: 1000, cachedTokens: 0 }, null);
    expect(cost).toBeNull();
    expect(costOf({ promptTokens: 1, completionTokens: 1, cachedTokens: 0 }, resolvePrice("unknown-model"))).toBeNull();
  });

  it("returns null for invalid usage and 0 for a call with no tokens", () => {
    const p = price({});
    expect(costOf({ promptTokens: Number.NaN, completionTokens: 1, cachedTokens: 0 }, p)).toBeNull();
    expect(costOf({ promptTokens: -1, completionTokens: 1, cachedTokens: 0 }, p)).toBeNull();
    expect(costOf({ promptTokens: 0, completionTokens: 0, cachedTokens: 0 }, p)).toBe(0);
  });
});

describe("resolvePrice", () => {
  it("lets an override win over the table", () => {
    const override = price({ inputPerToken: 9e-6, source: "override" });
    expect(resolvePrice("gpt-4o-mini", { "gpt-4o-mini": override })).toBe(override);
    expect(resolvePrice("gpt-4o-mini", { "other-model": override })?.source).toBe("Portkey pricing catalog: openai.json#gpt-4o-mini");
  });

  it("prices an unknown model by override only", () => {
    const override = price({ source: "override" });
    expect(resolvePrice("my-local-llama")).toBeNull();
    expect(resolvePrice("my-local-llama", { "my-local-llama": override })).toBe(override);
  });

  it("falls back to the table when the override is null/undefined, and accepts a custom table", () => {
    expect(resolvePrice("gpt-4o-mini", { "gpt-4o-mini": null })?.inputPerToken).toBeCloseTo(1.5e-7, 15);
    expect(resolvePrice("x", undefined, { x: price({ source: "custom" }) })?.source).toBe("custom");
    expect(resolvePrice("toString")).toBeNull();
  });

  it("has simulated, clearly labelled prices for the demo models", () => {
    expect(perMillion(resolvePrice("demo-swift")?.inputPerToken ?? NaN)).toBe(0.1);
    expect(perMillion(resolvePrice("demo-premium")?.outputPerToken ?? NaN)).toBe(12);
    expect(perMillion(resolvePrice("demo-judge")?.outputPerToken ?? NaN)).toBe(0.6);
    for (const m of CATALOG.filter((c) => c.kind === "demo")) {
      expect(DEMO_PRICES[m.slug]?.source).toBe(DEMO_PRICE_SOURCE);
    }
  });

  it("prices every catalog model from the bundled table", () => {
    for (const m of CATALOG) expect(PRICE_TABLE[m.slug], m.slug).toBeDefined();
  });
});

describe("syncPrices", () => {
  const fixedNow = () => new Date("2026-11-27T00:00:00Z");

  it("prices every provider catalog model from the local catalog and reports the ones it cannot price", async () => {
    const targets = [
      ...syncTargetsFromCatalog(),
      { slug: "ghost", file: "openai", model: "no-such-model" },
      { slug: "nowhere", file: "no-such-provider", model: "x" },
    ];
    const result = await syncPrices({ loadProviderFile: loadLocal, targets, date: CATALOG_DATE, fetchedFrom: PRICING_DIR, now: fixedNow });

    for (const m of CATALOG.filter((c) => c.kind === "provider")) {
      const entry = result.table.models[m.slug];
      expect(entry, m.slug).toBeDefined();
      expect(entry?.source).toBe(`Portkey pricing catalog: ${m.pricing?.file}.json#${m.pricing?.model}`);
      expect(entry?.date).toBe(CATALOG_DATE);
    }
    expect(Object.keys(result.table.models)).not.toContain("demo-swift");
    expect(result.unpriced.map((u) => u.slug).sort()).toEqual(["ghost", "nowhere"]);
    expect(result.unpriced.find((u) => u.slug === "nowhere")?.reason).toMatch(/could not load no-such-provider\.json/);
    expect(result.table.generatedAt).toBe("2026-11-27T00:00:00.000Z");
    expect(parsePriceTable(JSON.parse(JSON.stringify(result.table))).ok).toBe(true);

    const report = formatSyncReport(result);
    expect(report).toMatch(/ghost/);
    expect(report).toMatch(/gpt-4o-mini: \$0\.15 in \/ \$0\.6 out \/ \$0\.075 cached/);
  });

  it("loads each provider file once", async () => {
    const calls: string[] = [];
    await syncPrices({
      loadProviderFile: async (p) => {
        calls.push(p);
        return loadLocal(p);
      },
      date: CATALOG_DATE,
      fetchedFrom: "test",
    });
    expect(calls.filter((c) => c === "openai")).toHaveLength(1);
  });

  it("reports old -> new per model", async () => {
    const previous = parsePriceTable(pricesJson as unknown);
    if (!previous.ok) throw new Error(previous.error);
    const doctored = structuredClone(previous.table);
    const mini = doctored.models["gpt-4o-mini"];
    if (!mini) throw new Error("gpt-4o-mini missing from prices.json");
    mini.inputPerToken = 1e-6;
    doctored.models["retired-model"] = price({});
    const result = await syncPrices({ loadProviderFile: loadLocal, date: CATALOG_DATE, fetchedFrom: "test", previous: doctored, now: fixedNow });
    const change = result.changes.find((c) => c.slug === "gpt-4o-mini");
    expect(change?.kind).toBe("changed");
    if (change?.kind === "changed") expect(change.fields).toEqual(["inputPerToken"]);
    expect(result.changes.find((c) => c.slug === "retired-model")?.kind).toBe("removed");
    expect(result.changes.find((c) => c.slug === "command-r")?.kind).toBe("unchanged");
    expect(formatSyncReport(result)).toMatch(/~ gpt-4o-mini: \$1 in[^\n]*\n\s+-> \$0\.15 in/);
  });

  // The shared catalog copy is at this commit (../shared/data/SOURCES.md); a table synced from the live catalog is not compared.
  const SHARED_COMMIT = "f654307ec968cc9c8a54f2139fb79ede59c3d688";
  const committed = parsePriceTable(pricesJson as unknown);
  it.runIf(committed.ok && committed.table.source.commit === SHARED_COMMIT)("matches the committed prices.json (regenerate with prices:sync if this fails)", async () => {
    if (!committed.ok) throw new Error(committed.error);
    const result = await syncPrices({ loadProviderFile: loadLocal, date: committed.table.source.date, fetchedFrom: "test" });
    expect(result.table.models).toEqual(committed.table.models);
  });
});
