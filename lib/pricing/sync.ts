// Builds the project's price table (prices.json) from Portkey's open pricing catalog.
// Pure apart from the injected `loadProviderFile`, so it runs the same against the live catalog
// (https://configs.portkey.ai/pricing/{provider}.json) and a local copy (e.g. ../shared/data/portkey-pricing).

import { CATALOG, type CatalogModel } from "../catalog/models";
import type { ModelPrice } from "../domain/types";
import { PORTKEY_CATALOG_NAME, PORTKEY_PRICING_URL, readPortkeyPrice } from "./parse-portkey";
import { perMillion, type PriceTableFile, type PriceTableSource, type UnpricedEntry } from "./table";

/** One model to price: the catalog slug and the entry of the Portkey catalog that prices it. */
export interface SyncTarget {
  slug: string;
  file: string;
  model: string;
}

/** The catalog's provider models (kind "provider") that name a Portkey pricing entry. Demo models are not synced. */
export function syncTargetsFromCatalog(catalog: readonly CatalogModel[] = CATALOG): SyncTarget[] {
  const targets: SyncTarget[] = [];
  for (const m of catalog) {
    if (m.kind !== "provider" || !m.pricing) continue;
    targets.push({ slug: m.slug, file: m.pricing.file, model: m.pricing.model });
  }
  return targets;
}

export interface SyncOptions {
  /** Returns the parsed JSON of `{provider}.json`; may reject (the file's models are then reported unpriced). */
  loadProviderFile: (provider: string) => Promise<unknown>;
  /** Defaults to syncTargetsFromCatalog(). */
  targets?: readonly SyncTarget[];
  /** ISO date (YYYY-MM-DD) of the catalog version; becomes every entry's `date`. */
  date: string;
  /** Where the files were read from (URL prefix or folder), recorded in the table's source. */
  fetchedFrom: string;
  /** Git commit of github.com/Portkey-AI/models the files come from, when known. */
  commit?: string | null;
  /** The table currently on disk, to report what changed. */
  previous?: PriceTableFile | null;
  /** Clock for `generatedAt` (tests pass a fixed one). */
  now?: () => Date;
}

export type PriceChange =
  | { slug: string; kind: "added"; next: ModelPrice }
  | { slug: string; kind: "changed"; previous: ModelPrice; next: ModelPrice; fields: PriceField[] }
  | { slug: string; kind: "removed"; previous: ModelPrice }
  | { slug: string; kind: "unchanged"; next: ModelPrice };

export type PriceField = "inputPerToken" | "outputPerToken" | "cachedInputPerToken" | "source" | "date";

export interface SyncResult {
  table: PriceTableFile;
  unpriced: UnpricedEntry[];
  changes: PriceChange[];
}

function errorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}

function diffFields(a: ModelPrice, b: ModelPrice): PriceField[] {
  const fields: PriceField[] = ["inputPerToken", "outputPerToken", "cachedInputPerToken", "source", "date"];
  return fields.filter((f) => a[f] !== b[f]);
}

export async function syncPrices(options: SyncOptions): Promise<SyncResult> {
  const targets = options.targets ?? syncTargetsFromCatalog();
  const now = options.now ?? (() => new Date());

  // Load each provider file once, even when several models share it.
  const files = new Map<string, Promise<{ ok: true; json: unknown } | { ok: false; error: string }>>();
  for (const t of targets) {
    if (!files.has(t.file)) {
      files.set(
        t.file,
        options.loadProviderFile(t.file).then(
          (json) => ({ ok: true as const, json }),
          (err: unknown) => ({ ok: false as const, error: errorMessage(err) }),
        ),
      );
    }
  }

  const models: Record<string, ModelPrice> = {};
  const unpriced: UnpricedEntry[] = [];
  for (const t of targets) {
    const loaded = await files.get(t.file);
    if (!loaded || !loaded.ok) {
      unpriced.push({ ...t, reason: `could not load ${t.file}.json: ${loaded ? loaded.error : "not requested"}` });
      continue;
    }
    const result = readPortkeyPrice(loaded.json, t.file, t.model, options.date);
    if (result.ok) models[t.slug] = result.price;
    else unpriced.push({ ...t, reason: result.reason });
  }

  const source: PriceTableSource = {
    name: PORTKEY_CATALOG_NAME,
    url: options.commit
      ? `https://github.com/Portkey-AI/models/tree/${options.commit}/pricing`
      : `${PORTKEY_PRICING_URL}/{provider}.json`,
    fetchedFrom: options.fetchedFrom,
    commit: options.commit ?? null,
    date: options.date,
    license: "MIT",
    unit: "catalog: US cents per token; this table: US dollars per token",
  };

  const table: PriceTableFile = { generatedAt: now().toISOString(), source, models, unpriced };
  return { table, unpriced, changes: diffTables(options.previous?.models ?? {}, models) };
}

/** Per-model differences between two slug -> price maps, in the order of `next` then removed slugs. */
export function diffTables(
  previous: Readonly<Record<string, ModelPrice>>,
  next: Readonly<Record<string, ModelPrice>>,
): PriceChange[] {
  const changes: PriceChange[] = [];
  for (const [slug, price] of Object.entries(next)) {
    const old = Object.hasOwn(previous, slug) ? previous[slug] : undefined;
    if (!old) {
      changes.push({ slug, kind: "added", next: price });
      continue;
    }
    const fields = diffFields(old, price);
    changes.push(fields.length > 0 ? { slug, kind: "changed", previous: old, next: price, fields } : { slug, kind: "unchanged", next: price });
  }
  for (const [slug, price] of Object.entries(previous)) {
    if (!Object.hasOwn(next, slug)) changes.push({ slug, kind: "removed", previous: price });
  }
  return changes;
}

function fmtRate(perToken: number | null): string {
  return perToken === null ? "-" : `$${perMillion(perToken)}`;
}

/** "$0.15 / $0.6 / cached $0.075 per 1M" */
export function describePrice(p: ModelPrice): string {
  return `${fmtRate(p.inputPerToken)} in / ${fmtRate(p.outputPerToken)} out / ${fmtRate(p.cachedInputPerToken)} cached per 1M (${p.source}, ${p.date})`;
}

/** Human-readable summary of a sync, for the script's output. */
export function formatSyncReport(result: SyncResult): string {
  const lines: string[] = [];
  const count = (k: PriceChange["kind"]) => result.changes.filter((c) => c.kind === k).length;
  lines.push(
    `Priced ${Object.keys(result.table.models).length} model(s): ${count("added")} added, ${count("changed")} changed, ` +
      `${count("unchanged")} unchanged, ${count("removed")} removed; ${result.unpriced.length} could not be priced.`,
  );
  for (const c of result.changes) {
    if (c.kind === "added") lines.push(`  + ${c.slug}: ${describePrice(c.next)}`);
    else if (c.kind === "removed") lines.push(`  - ${c.slug}: was ${describePrice(c.previous)}`);
    else if (c.kind === "changed") {
      lines.push(`  ~ ${c.slug}: ${describePrice(c.previous)}`);
      lines.push(`    -> ${describePrice(c.next)}  [${c.fields.join(", ")}]`);
    } else lines.push(`  = ${c.slug}: ${describePrice(c.next)}`);
  }
  for (const u of result.unpriced) lines.push(`  ! ${u.slug} (${u.file}.json#${u.model}): ${u.reason}`);
  return lines.join("\n");
}
