// Database migrations without Prisma's native engine (it cannot be downloaded on every machine).
// Uses Prisma's schema engine compiled to WebAssembly (pinned in package.json) through the same driver adapter as the app.
//   node scripts/db-migrate.mjs              apply prisma/migrations/<provider>/* to DATABASE_URL (idempotent, like `migrate deploy`)
//   node scripts/db-migrate.mjs diff <name>  write a new migration for both providers from the schema change since the last one
// This wraps an internal Prisma API: the versions are pinned exactly and scripts/db-migrate.test.ts exercises it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { root, databaseUrl, providerOf, schemaFor, sqlitePath } from "./prisma-schema.mjs";

const require = createRequire(import.meta.url);
const PROVIDERS = ["sqlite", "postgresql"];
const NO_FILTERS = { externalTables: [], externalEnums: [] };

let lastPanic = "";
let engineModule;
function loadEngineModule() {
  engineModule ??= instantiateEngine();
  return engineModule;
}
async function instantiateEngine() {
  // The wasm build reports Rust panics through this global; without it a panic surfaces as an unrelated TypeError.
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => { lastPanic = String(m); } };
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bg = await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href);
  const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bg;
}

// Connections the engine opens through the adapter are tracked so they can be closed when we are done
// (an open SQLite connection would otherwise hold its lock for the next migration in the same process).
async function adapterFor(url, opened) {
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  let factory;
  if (providerOf(url) === "sqlite") {
    const file = sqlitePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    factory = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 10_000 });
  } else {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    factory = new PrismaPg({ connectionString: url });
  }
  const track = (fn) => async () => {
    const conn = await fn();
    opened.push(conn);
    return conn;
  };
  const tracked = Object.create(factory);
  tracked.connect = track(() => factory.connect());
  if (factory.connectToShadowDb) tracked.connectToShadowDb = track(() => factory.connectToShadowDb());
  return bindMigrationAwareSqlAdapterFactory(tracked);
}

async function withEngine(url, schema, fn) {
  const bg = await loadEngineModule();
  const opened = [];
  const engine = await bg.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, await adapterFor(url, opened));
  try {
    return await fn(engine);
  } finally {
    engine.free?.();
    await Promise.all(opened.map((c) => c.dispose?.().catch(() => {})));
  }
}

function migrationsDir(provider) {
  return path.join(root, "prisma", "migrations", provider);
}

function migrationList(provider) {
  const baseDir = migrationsDir(provider);
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") } },
    })),
  };
}

/** Names of migrations already recorded in a SQLite database (null when it has no migration table yet). */
async function appliedSqliteMigrations(url) {
  const file = sqlitePath(url);
  if (!existsSync(file)) return null;
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file, { readonly: true, timeout: 5000 });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return null;
    return new Set(db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all().map((r) => r.migration_name));
  } finally {
    db.close();
  }
}

export async function applyMigrations(url = databaseUrl()) {
  const provider = providerOf(url);
  if (provider === "sqlite") {
    // Up to date already: skip the engine, which needs the database to itself (the app may be running).
    const applied = await appliedSqliteMigrations(url);
    const wanted = migrationList(provider).migrationDirectories.map((d) => d.path);
    if (applied && wanted.every((m) => applied.has(m))) return [];
  }
  return withEngine(url, schemaFor(provider), async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: migrationList(provider), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

async function createMigration(name) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("migration name: use lowercase letters, digits and _");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const provider of PROVIDERS) {
    const baseDir = migrationsDir(provider);
    const previous = existsSync(baseDir)
      ? readdirSync(baseDir).filter((d) => existsSync(path.join(baseDir, d, "schema.prisma"))).sort().at(-1)
      : undefined;
    const to = schemaFor(provider);
    const from = previous
      ? { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: readFileSync(path.join(baseDir, previous, "schema.prisma"), "utf8") }] }
      : { tag: "empty" };
    // diff needs no database; any adapter of the right provider will do.
    // diff reads no data, but the PostgreSQL engine wants a live connection: DIFF_POSTGRES_URL names one.
    const scratch = provider === "sqlite" ? "file:./data/.diff-scratch.db" : process.env.DIFF_POSTGRES_URL;
    if (!scratch) { console.log("postgresql: set DIFF_POSTGRES_URL to a scratch database to write its migration"); continue; }
    const sql = await withEngine(scratch, to, async (engine) => {
      const res = await engine.diff({
        from,
        to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: to }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      return res.stdout ?? "";
    });
    if (!sql.trim() || /This is an empty migration/.test(sql)) {
      console.log(`${provider}: no schema change`);
      continue;
    }
    const dir = path.join(baseDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    writeFileSync(path.join(dir, "schema.prisma"), to);
    writeFileSync(path.join(baseDir, "migration_lock.toml"), `# Written by scripts/db-migrate.mjs\nprovider = "${provider}"\n`);
    console.log(`${provider}: wrote ${path.relative(root, dir)}/migration.sql`);
  }
}

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? "").href;
if (isMain) {
  const [cmd, arg] = process.argv.slice(2);
  try {
    if (cmd === "diff") await createMigration(arg ?? "change");
    else {
      const applied = await applyMigrations();
      console.log(applied.length ? `db-migrate: applied ${applied.join(", ")}` : "db-migrate: database is up to date");
    }
    process.exit(0);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/SocketTimeout|database is locked|SQLITE_BUSY/i.test(msg)) {
      console.error("db-migrate: the database is busy: another process has it open (is Tradeoff already running? stop it first).");
    } else {
      console.error(`db-migrate: ${msg.split("\n")[0]}${lastPanic ? ` (${lastPanic})` : ""}`);
    }
    process.exit(1);
  }
}
