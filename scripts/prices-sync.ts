// Regenerates lib/pricing/prices.json from Portkey's open pricing catalog and prints what changed.
//
//   npx tsx scripts/prices-sync.ts                       # live: https://configs.portkey.ai/pricing/{provider}.json
//   npx tsx scripts/prices-sync.ts --from ../shared/data/portkey-pricing --date 2026-08-21 \
//       --commit f654307ec968cc9c8a54f2139fb79ede59c3d688   # a local copy of the catalog at a known commit
//
// Options: --from <dir> (read {provider}.json there instead of fetching), --out <file> (default lib/pricing/prices.json),
// --date YYYY-MM-DD (date of the catalog version; default today), --commit <sha> (catalog commit, if known),
// --dry-run (print the report, write nothing). Exit code 1 when a model could not be priced or a file failed to load.
// The logic lives in lib/pricing/sync.ts; this file only does I/O.

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PORTKEY_PRICING_URL } from "../lib/pricing/parse-portkey";
import { formatSyncReport, syncPrices } from "../lib/pricing/sync";
import { parsePriceTable, type PriceTableFile } from "../lib/pricing/table";

interface Args {
  from: string | null;
  out: string;
  date: string;
  commit: string | null;
  dryRun: boolean;
}

function usage(message: string): never {
  console.error(`${message}\nusage: tsx scripts/prices-sync.ts [--from <dir>] [--out <file>] [--date YYYY-MM-DD] [--commit <sha>] [--dry-run]`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { from: null, out: "lib/pricing/prices.json", date: new Date().toISOString().slice(0, 10), commit: null, dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) usage(`${flag} needs a value`);
      return v;
    };
    if (flag === "--from") args.from = value();
    else if (flag === "--out") args.out = value();
    else if (flag === "--date") args.date = value();
    else if (flag === "--commit") args.commit = value();
    else if (flag === "--dry-run") args.dryRun = true;
    else usage(`unknown argument: ${String(flag)}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(args.date)) usage(`--date must be YYYY-MM-DD, got ${args.date}`);
  if (args.commit !== null && !/^[0-9a-f]{7,40}$/i.test(args.commit)) usage(`--commit must be a git sha, got ${args.commit}`);
  return args;
}

function safeProvider(provider: string): string {
  // Provider ids come from our own catalog, but never let one escape the folder or the URL path.
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(provider)) throw new Error(`invalid provider id "${provider}"`);
  return provider;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const fromDir = args.from === null ? null : path.resolve(args.from);

  const loadProviderFile = async (provider: string): Promise<unknown> => {
    const name = `${safeProvider(provider)}.json`;
    if (fromDir !== null) return JSON.parse(await readFile(path.join(fromDir, name), "utf8")) as unknown;
    const url = `${PORTKEY_PRICING_URL}/${name}`;
    const res = await fetch(url, { signal: AbortSignal.timeout(20_000) });
    if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
    return (await res.json()) as unknown;
  };

  const outPath = path.resolve(args.out);
  let previous: PriceTableFile | null = null;
  try {
    const parsed = parsePriceTable(JSON.parse(await readFile(outPath, "utf8")) as unknown);
    if (parsed.ok) previous = parsed.table;
    else console.warn(`warning: existing ${args.out} ignored (${parsed.error})`);
  } catch {
    // No previous table: every model is reported as added.
  }

  const result = await syncPrices({
    loadProviderFile,
    date: args.date,
    commit: args.commit,
    fetchedFrom: fromDir ?? `${PORTKEY_PRICING_URL}/{provider}.json`,
    previous,
  });
  // Keep the recorded location portable: a folder is written relative to the output file's repo, not as an absolute path.
  if (fromDir !== null) result.table.source.fetchedFrom = path.relative(process.cwd(), fromDir) || ".";

  console.log(formatSyncReport(result));
  if (!args.dryRun) {
    await writeFile(outPath, `${JSON.stringify(result.table, null, 2)}\n`, "utf8");
    console.log(`wrote ${path.relative(process.cwd(), outPath)}`);
  }
  if (result.unpriced.length > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(`prices-sync failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
