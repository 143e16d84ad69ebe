import { beforeAll, describe, expect, it } from "vitest";
import { POST as compare } from "@/app/api/compare/route";
import { GET as listModels } from "@/app/api/models/route";
import { DELETE as clearPrice, PUT as putPrice } from "@/app/api/models/[slug]/price/route";
import { POST as testConnection } from "@/app/api/models/[slug]/test/route";
import { jsonRequest, stubLog, stubLogMark, stubModel } from "./helpers";

// /api/models/[slug]/price and /api/models/[slug]/test through the real gateway and the stub upstream.

const slugCtx = (slug: string) => ({ params: Promise.resolve({ slug }) });
const put = (slug: string, body: unknown) => putPrice(jsonRequest(`/api/models/${slug}/price`, body, { method: "PUT" }), slugCtx(slug));
const del = (slug: string) => clearPrice(new Request(`http://localhost/api/models/${slug}/price`, { method: "DELETE" }), slugCtx(slug));
const probe = (slug: string) => testConnection(new Request(`http://localhost/api/models/${slug}/test`, { method: "POST" }), slugCtx(slug));

interface ModelJson {
  slug: string;
  priceOverridden: boolean;
  price: { inputPerToken: number; outputPerToken: number; cachedInputPerToken: number | null; source: string; date: string } | null;
}

async function costOfOneCompare(slug: string): Promise<number | null> {
  const res = await compare(jsonRequest("/api/compare", { prompt: "Price me", models: [slug] }));
  const events = (await res.text()).split("\n").filter(Boolean).map((l) => JSON.parse(l) as { type: string; outcome?: { status: string; costUsd: number | null } });
  const cell = events.find((e) => e.type === "cell");
  expect(cell?.outcome?.status).toBe("done");
  return cell!.outcome!.costUsd;
}

beforeAll(async () => {
  await stubModel("price-me", "openai", "usage=10/20"); // no price: unknown until overridden
  await stubModel("conn-ok", "openai", "latency=150,usage=3/1");
  await stubModel("conn-500", "openai", "status=500");
});

describe("PUT/DELETE /api/models/[slug]/price", () => {
  it("an override changes the cost of the following calls; clearing it makes the price unknown again", async () => {
    expect(await costOfOneCompare("price-me")).toBeNull(); // unknown price is never $0

    const res = await put("price-me", { inputPerMillion: 1, outputPerMillion: 2 });
    expect(res.status).toBe(200);
    const { model } = (await res.json()) as { model: ModelJson };
    expect(model.priceOverridden).toBe(true);
    expect(model.price).toMatchObject({ inputPerToken: 1e-6, outputPerToken: 2e-6, cachedInputPerToken: null, source: "override" });
    expect(model.price!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await costOfOneCompare("price-me")).toBeCloseTo((10 * 1 + 20 * 2) / 1e6, 15);

    expect((await put("price-me", { inputPerMillion: 3, outputPerMillion: 4, cachedInputPerMillion: 0.5 })).status).toBe(200);
    expect(await costOfOneCompare("price-me")).toBeCloseTo((10 * 3 + 20 * 4) / 1e6, 15);
    const listed = ((await (await listModels()).json()) as { models: ModelJson[] }).models.find((m) => m.slug === "price-me");
    expect(listed?.price).toMatchObject({ inputPerToken: 3e-6, outputPerToken: 4e-6, cachedInputPerToken: 0.5e-6, source: "override" });

    const cleared = await del("price-me");
    expect(cleared.status).toBe(200);
    expect(((await cleared.json()) as { model: ModelJson }).model).toMatchObject({ priceOverridden: false, price: null });
    expect(await costOfOneCompare("price-me")).toBeNull();
  });

  it("clearing the override of a catalog model goes back to the price table with its source and date", async () => {
    // command-r: a catalog model no other test prices (test files run in parallel on one database).
    expect((await put("command-r", { inputPerMillion: 9, outputPerMillion: 9 })).status).toBe(200);
    const { model } = (await (await del("command-r")).json()) as { model: ModelJson };
    expect(model.priceOverridden).toBe(false);
    expect(model.price).toMatchObject({ source: "Portkey pricing catalog: cohere.json#command-r" });
    expect(model.price!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(model.price!.inputPerToken * 1e6).toBeCloseTo(0.15, 12);
    expect(model.price!.outputPerToken * 1e6).toBeCloseTo(0.6, 12);
  });

  it("answers 404 for an unknown slug", async () => {
    for (const res of [await put("no-such-model", { inputPerMillion: 1, outputPerMillion: 1 }), await del("no-such-model"), await put("../etc", { inputPerMillion: 1, outputPerMillion: 1 })]) {
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });

  const bad: [string, unknown, string][] = [
    ["a negative price", { inputPerMillion: -1, outputPerMillion: 1 }, "inputPerMillion"],
    ["a price that is not a number", { inputPerMillion: "cheap", outputPerMillion: 1 }, "inputPerMillion"],
    ["a missing output price", { inputPerMillion: 1 }, "outputPerMillion"],
    ["an unknown field", { inputPerMillion: 1, outputPerMillion: 1, currency: "EUR" }, "(body)"],
  ];
  it.each(bad)("rejects %s with 422 and the field's message", async (_name, body, field) => {
    const res = await put("price-me", body);
    expect(res.status).toBe(422);
    const json = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(json.error.code).toBe("validation_failed");
    expect(Object.keys(json.error.fields)).toContain(field);
  });
});

describe("POST /api/models/[slug]/test", () => {
  it("makes one tiny real call through the gateway and reports its latency", async () => {
    const mark = await stubLogMark();
    const res = await probe("conn-ok");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; latencyMs: number; error?: string };
    expect(body.ok).toBe(true);
    expect(body.latencyMs).toBeGreaterThanOrEqual(150);
    expect(body.error).toBeUndefined();
    const log = await stubLog(mark, ["stub:latency=150,usage=3/1"]);
    expect(log).toHaveLength(1);
    expect((log[0] as unknown as { promptPreview: string }).promptPreview).toContain("Reply with OK");
  });

  it("reports a failing upstream as ok=false with the error, without retrying", async () => {
    const mark = await stubLogMark();
    const body = (await (await probe("conn-500")).json()) as { ok: boolean; error?: string; errorCode?: string };
    expect(body.ok).toBe(false);
    expect(body.errorCode).toBe("upstream_error");
    expect(body.error).toBeTruthy();
    expect(await stubLog(mark, ["stub:status=500"])).toHaveLength(1);
  });

  it("says which variable to set for a provider model without a key, and never calls it", async () => {
    const saved = process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_API_KEY;
    try {
      const body = (await (await probe("gpt-4o-mini")).json()) as { ok: boolean; error?: string; errorCode?: string };
      expect(body).toMatchObject({ ok: false, errorCode: "not_connected" });
      expect(body.error).toContain("OPENAI_API_KEY");
    } finally {
      if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
    }
  });

  it("answers 404 for an unknown slug", async () => {
    expect((await probe("no-such-model")).status).toBe(404);
  });
});
