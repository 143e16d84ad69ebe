import "server-only";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One Prisma client per process (kept on globalThis so dev-mode reloads don't open new connections).
// The driver adapter follows DATABASE_URL: SQLite file (default) or PostgreSQL.

declare global {
  var __tradeoffPrisma: PrismaClient | undefined;
}

function sqliteFile(url: string): string {
  const p = url.replace(/^file:/i, "");
  const abs = path.isAbsolute(p) ? p : path.join(/*turbopackIgnore: true*/ process.cwd(), p);
  mkdirSync(path.dirname(abs), { recursive: true });
  return abs;
}

async function createClient(): Promise<PrismaClient> {
  const url = env().DATABASE_URL;
  if (url.startsWith("file:")) {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${sqliteFile(url)}` }) });
    // WAL lets the progress stream read while the runner writes; busy_timeout rides out short write locks.
    await client.$executeRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$executeRawUnsafe("PRAGMA busy_timeout = 5000");
    await client.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    return client;
  }
  const { PrismaPg } = await import("@prisma/adapter-pg");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

let pending: Promise<PrismaClient> | undefined;

export async function db(): Promise<PrismaClient> {
  if (globalThis.__tradeoffPrisma) return globalThis.__tradeoffPrisma;
  pending ??= createClient().then((c) => (globalThis.__tradeoffPrisma = c));
  return pending;
}

export function isPostgres(): boolean {
  return !env().DATABASE_URL.startsWith("file:");
}
