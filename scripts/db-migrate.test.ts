import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";

// The migration script wraps an internal Prisma API (the wasm schema engine): this pins its behaviour.

const migrate = async (url: string): Promise<string[]> => {
  const mod = (await import(path.resolve(__dirname, "db-migrate.mjs"))) as { applyMigrations: (u: string) => Promise<string[]> };
  return mod.applyMigrations(url);
};

const TABLES = ["Case", "Experiment", "Judgment", "Model", "Response", "ShareLink"];

describe("db-migrate", () => {
  it("applies the committed migrations to a new SQLite file, idempotently", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tradeoff-mig-"));
    const url = `file:${path.join(dir, "m.db")}`;
    try {
      const first = await migrate(url);
      expect(first.length).toBeGreaterThan(0);
      expect(await migrate(url)).toEqual([]);
      const db = new Database(path.join(dir, "m.db"));
      const names = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all().map((r) => (r as { name: string }).name);
      db.close();
      for (const t of TABLES) expect(names).toContain(t);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!process.env.TEST_POSTGRES_URL)("applies the PostgreSQL migrations, idempotently", async () => {
    const base = process.env.TEST_POSTGRES_URL!;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    const name = `tradeoff_mig_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = base.replace(/\/[^/]*$/, `/${name}`);
    try {
      expect((await migrate(url)).length).toBeGreaterThan(0);
      expect(await migrate(url)).toEqual([]);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const rows = await c.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
      await c.end();
      const names = rows.rows.map((r: { table_name: string }) => r.table_name);
      for (const t of TABLES) expect(names).toContain(t);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
