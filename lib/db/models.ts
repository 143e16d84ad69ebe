import "server-only";
import { CATALOG } from "@/lib/catalog/models";
import type { ModelTarget, ModelKind } from "@/lib/portkey/target";
import { db } from "./client";

// Models live in the database: catalog models are upserted on first use, custom ones are added by users.
// A row never holds a key, only the name of the server environment variable that does.

export interface ModelRow {
  slug: string;
  label: string;
  provider: string;
  upstreamModel: string;
  kind: ModelKind;
  customHost: string | null;
  keyEnv: string | null;
  inputPerToken: number | null;
  outputPerToken: number | null;
  cachedInputPerToken: number | null;
  priceSource: string | null;
  priceDate: string | null;
  typicalCompletionTokens: number;
}

let catalogSynced: Promise<void> | undefined;

/** Upserts the built-in catalog once per process; user edits to price overrides are kept. */
export function ensureCatalog(): Promise<void> {
  catalogSynced ??= (async () => {
    const prisma = await db();
    for (const m of CATALOG) {
      const fields = { label: m.label, provider: m.provider, upstreamModel: m.upstreamModel, kind: m.kind, keyEnv: m.keyEnv ?? null, typicalCompletionTokens: m.typicalCompletionTokens };
      await prisma.model.upsert({ where: { slug: m.slug }, create: { slug: m.slug, ...fields }, update: fields });
    }
  })().catch((e) => {
    catalogSynced = undefined;
    throw e;
  });
  return catalogSynced;
}

function toRow(r: Omit<ModelRow, "kind"> & { kind: string }): ModelRow {
  return { ...r, kind: (["provider", "demo", "custom"].includes(r.kind) ? r.kind : "custom") as ModelKind };
}

const SELECT = {
  slug: true, label: true, provider: true, upstreamModel: true, kind: true, customHost: true, keyEnv: true,
  inputPerToken: true, outputPerToken: true, cachedInputPerToken: true, priceSource: true, priceDate: true, typicalCompletionTokens: true,
} as const;

export async function listModels(): Promise<ModelRow[]> {
  await ensureCatalog();
  const prisma = await db();
  const rows = await prisma.model.findMany({ select: SELECT, orderBy: [{ kind: "asc" }, { label: "asc" }] });
  return rows.map(toRow);
}

export async function getModelsBySlugs(slugs: string[]): Promise<Map<string, ModelRow>> {
  await ensureCatalog();
  const prisma = await db();
  const rows = await prisma.model.findMany({ where: { slug: { in: slugs } }, select: SELECT });
  return new Map(rows.map((r) => [r.slug, toRow(r)]));
}

export function toTarget(row: ModelRow): ModelTarget {
  return { slug: row.slug, label: row.label, kind: row.kind, provider: row.provider, upstreamModel: row.upstreamModel, customHost: row.customHost, keyEnv: row.keyEnv };
}

export async function createCustomModel(input: { slug: string; label: string; baseUrl: string; upstreamModel: string; keyEnv: string | null; provider: string }): Promise<ModelRow> {
  await ensureCatalog();
  const prisma = await db();
  const row = await prisma.model.create({
    data: { slug: input.slug, label: input.label, provider: input.provider, upstreamModel: input.upstreamModel, kind: "custom", customHost: input.baseUrl, keyEnv: input.keyEnv },
    select: SELECT,
  });
  return toRow(row);
}

export async function modelExists(slug: string): Promise<boolean> {
  const prisma = await db();
  return (await prisma.model.count({ where: { slug } })) > 0;
}

export async function setPriceOverride(slug: string, price: { inputPerToken: number; outputPerToken: number; cachedInputPerToken: number | null; source: string; date: string } | null): Promise<void> {
  const prisma = await db();
  await prisma.model.update({
    where: { slug },
    data: price
      ? { inputPerToken: price.inputPerToken, outputPerToken: price.outputPerToken, cachedInputPerToken: price.cachedInputPerToken, priceSource: price.source, priceDate: price.date }
      : { inputPerToken: null, outputPerToken: null, cachedInputPerToken: null, priceSource: null, priceDate: null },
  });
}

/** One model by slug (catalog models included on a fresh database), or null. */
export async function getModelBySlug(slug: string): Promise<ModelRow | null> {
  await ensureCatalog();
  const prisma = await db();
  const row = await prisma.model.findUnique({ where: { slug }, select: SELECT });
  return row ? toRow(row) : null;
}
