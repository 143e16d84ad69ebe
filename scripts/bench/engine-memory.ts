// The engine's memory floor: RSS of a CLI-like process after each step it takes before running a single cell
// (migrations, the Prisma client's first query, the SDK, the runner, the tokenizer), each after a forced GC.
// Run: node --expose-gc --conditions=react-server --import tsx scripts/bench/engine-memory.ts
import { rmSync } from "node:fs";
import path from "node:path";
import { printTable } from "./lib/stats";

const DB = "data/bench-engine-memory.db";
process.env.DATABASE_URL = `file:./${DB}`;

const rows: (string | number)[][] = [];
let last = 0;
function step(name: string): void {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const rss = m.rss / 1048576;
  rows.push([name, rss.toFixed(0), last ? `+${(rss - last).toFixed(0)}` : "", (m.heapUsed / 1048576).toFixed(0), (m.external / 1048576).toFixed(0)]);
  last = rss;
}

async function main(): Promise<void> {
  step("node + tsx, nothing imported");
  const { applyMigrations } = (await import(path.resolve("scripts/db-migrate.mjs"))) as { applyMigrations: (u: string) => Promise<string[]> };
  await applyMigrations(process.env.DATABASE_URL!);
  step("migrations applied (wasm schema engine)");
  const { listModels } = await import("@/lib/db/models");
  await listModels();
  step("Prisma client + first query");
  await import("portkey-ai");
  step("portkey-ai SDK");
  await import("@/lib/runner/run");
  await import("@/lib/report/store");
  step("runner + report modules");
  const { countTokens } = await import("@/lib/estimate/tokens");
  countTokens("hello");
  step("js-tiktoken o200k_base encoder built");
  printTable(`Engine memory floor (node ${process.version}${(globalThis as { gc?: unknown }).gc ? ", after a forced GC each step" : ", no --expose-gc"})`, ["step", "RSS MB", "delta", "heapUsed MB", "external MB"], rows);
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const s of ["", "-wal", "-shm"]) rmSync(DB + s, { force: true });
    process.exit();
  });
