// PUT /api/models/[slug]/price — set a price override (USD per 1M tokens); DELETE — clear it (back to the price table).
import { getModelBySlug, setPriceOverride } from "@/lib/db/models";
import { handler, readJson } from "@/lib/http";
import { modelInfo } from "@/lib/models/status";
import { priceOverrideSchema } from "@/lib/schemas/models";
import { modelFromParams } from "../model-param";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

export const PUT = handler(async (req: Request, ctx: Ctx) => {
  const row = await modelFromParams(ctx);
  const input = priceOverrideSchema.parse(await readJson(req, 4 * 1024));
  await setPriceOverride(row.slug, {
    inputPerToken: input.inputPerMillion / 1e6,
    outputPerToken: input.outputPerMillion / 1e6,
    cachedInputPerToken: input.cachedInputPerMillion == null ? null : input.cachedInputPerMillion / 1e6,
    source: "override",
    date: new Date().toISOString().slice(0, 10),
  });
  return Response.json({ model: modelInfo((await getModelBySlug(row.slug))!) });
});

export const DELETE = handler(async (_req: Request, ctx: Ctx) => {
  const row = await modelFromParams(ctx);
  await setPriceOverride(row.slug, null);
  return Response.json({ model: modelInfo((await getModelBySlug(row.slug))!) });
});
