// Generates the Prisma client for the provider DATABASE_URL names (SQLite by default).
// Prisma's CLI wants to download a native schema engine even for `generate`, which never runs it; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file lets it work offline (see ../shared/NOTES-STACK.md).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root, databaseUrl, providerOf, schemaFor } from "./prisma-schema.mjs";

const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
if (!existsSync(cli)) {
  console.log("prisma-generate: prisma is not installed yet, skipping");
  process.exit(0);
}
const provider = providerOf(databaseUrl());
const tmpDir = path.join(root, "lib", "generated");
mkdirSync(tmpDir, { recursive: true });
const schemaPath = path.join(tmpDir, "schema.prisma");
// The generator's output path is relative to the schema file: keep the copy one level below lib/ like prisma/ is.
writeFileSync(schemaPath, schemaFor(provider).replace('output       = "../lib/generated/prisma"', 'output       = "./prisma"'));
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1", DATABASE_URL: databaseUrl() };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
const r = spawnSync(process.execPath, [cli, "generate", "--schema", schemaPath], { cwd: root, env, stdio: "inherit" });
if (r.status === 0) console.log(`prisma-generate: client generated for ${provider}`);
process.exit(r.status ?? 1);
