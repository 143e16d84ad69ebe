// Shared by the generate and migrate scripts: which database provider DATABASE_URL names, and the schema text for it.
// The committed schema says "sqlite"; for PostgreSQL the same models are used with the provider line swapped.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const DEFAULT_DATABASE_URL = "file:./data/tradeoff.db";

export function databaseUrl() {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function providerOf(url) {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (/^file:/i.test(url)) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.split(":")[0]}:…"`);
}

export function schemaFor(provider) {
  const text = readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
  return text.replace(/provider\s*=\s*"sqlite"/, `provider = "${provider}"`);
}

/** Resolves a SQLite file: URL relative to the project root (as the app does), creating nothing. */
export function sqlitePath(url) {
  const p = url.replace(/^file:/i, "");
  return path.isAbsolute(p) ? p : path.join(root, p);
}
