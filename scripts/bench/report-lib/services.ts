// The servers the report benchmark runs against: stub upstream, Portkey gateway and `next start` of an existing build,
// on this benchmark's own ports (BENCH_REPORT_* to change them), with its own SQLite file. Processes are started and
// stopped through scripts/bench/lib/proc.ts, so nothing is left running.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { afterStop, ROOT, runSync, startProc, waitHttp, type Proc } from "../lib/proc";

export const PORTS = {
  app: Number(process.env.BENCH_REPORT_APP_PORT ?? 3207),
  gateway: Number(process.env.BENCH_REPORT_GATEWAY_PORT ?? 8807),
  stub: Number(process.env.BENCH_REPORT_STUB_PORT ?? 8817),
};
export const DIST_DIR = process.env.BENCH_REPORT_DIST_DIR ?? ".next-g";
export const DB_NAME = process.env.BENCH_REPORT_DB ?? "bench-report.db";
export const DB_URL = `file:./data/${DB_NAME}`;

export const appUrl = () => `http://127.0.0.1:${PORTS.app}`;
export const stubUrl = () => `http://127.0.0.1:${PORTS.stub}`;
const gatewayUrl = () => `http://127.0.0.1:${PORTS.gateway}/v1`;

const dbFile = () => path.join(ROOT, "data", DB_NAME);
export const dbExists = () => existsSync(dbFile());

function removeDb(): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbFile() + suffix, { force: true });
}

/** Migrates the database (a fresh one unless `reuse`); with `keep` false it is deleted once the servers are stopped. */
export function prepareDb(opts: { reuse: boolean; keep: boolean }): void {
  if (!opts.reuse) removeDb();
  if (!opts.keep) afterStop(removeDb);
  runSync(process.execPath, ["scripts/db-migrate.mjs"], { DATABASE_URL: DB_URL });
}

export async function startServers(): Promise<Proc[]> {
  if (!existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) throw new Error(`no production build in ${DIST_DIR}: run NEXT_DIST_DIR=${DIST_DIR} npx next build first`);
  const stub = startProc("stub", process.execPath, ["--import", "tsx", "e2e/stub/server.ts", "--port", String(PORTS.stub)]);
  const gatewayScript = path.join(ROOT, "node_modules/@portkey-ai/gateway/build/start-server.js");
  const gateway = startProc("gateway", process.execPath, [gatewayScript, `--port=${PORTS.gateway}`, "--headless"]);
  await waitHttp(`${stubUrl()}/health`, 30_000, stub);
  await waitHttp(`http://127.0.0.1:${PORTS.gateway}/`, 30_000, gateway);
  const app = startProc("app", process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORTS.app), "-H", "127.0.0.1"], {
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_URL: DB_URL,
    PORTKEY_GATEWAY_URL: gatewayUrl(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  await waitHttp(`${appUrl()}/api/health`, 90_000, app);
  return [stub, gateway, app];
}
