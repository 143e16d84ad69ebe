// Integration tests run the real path: the open-source Portkey gateway (a child process) in front of our stub
// upstream that speaks the OpenAI and Anthropic wire formats. The database is a fresh migrated SQLite file.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startStub, type StubHandle } from "../../e2e/stub/server";

const root = path.resolve(__dirname, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not ready: ${url}`);
}

let stub: StubHandle | undefined;
let gateway: ChildProcess | undefined;
let tmp: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  tmp = mkdtempSync(path.join(os.tmpdir(), "tradeoff-it-"));
  const dbUrl = `file:${path.join(tmp, "test.db")}`;
  const { applyMigrations } = (await import(path.join(root, "scripts", "db-migrate.mjs"))) as { applyMigrations: (url: string) => Promise<string[]> };
  await applyMigrations(dbUrl);

  stub = await startStub({ port: 0 });
  const gwPort = await freePort();
  gateway = spawn(process.execPath, [path.join(root, "node_modules/@portkey-ai/gateway/build/start-server.js"), `--port=${gwPort}`, "--headless"], {
    stdio: "ignore",
  });
  await waitFor(`http://127.0.0.1:${gwPort}/`, 30_000);

  const env = {
    DATABASE_URL: dbUrl,
    PORTKEY_GATEWAY_URL: `http://127.0.0.1:${gwPort}/v1`,
    STUB_URL: stub.url,
    TRADEOFF_REQUEST_TIMEOUT_MS: "3000",
  };
  Object.assign(process.env, env);
  project.provide("itEnv", env);
}

export async function teardown(): Promise<void> {
  gateway?.kill("SIGTERM");
  await stub?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    itEnv: { DATABASE_URL: string; PORTKEY_GATEWAY_URL: string; STUB_URL: string; TRADEOFF_REQUEST_TIMEOUT_MS: string };
  }
}
