// What a benchmark starts: the stub upstream, the Portkey gateway, a fresh migrated SQLite database with stub models,
// and the production app (next start). Ports come from the environment (BENCH_*_PORT) with fixed defaults; loopback only.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterStop, ROOT, runSync, startProc, waitHttp, type Proc } from "./proc";

export const PORTS = {
  app: Number(process.env.BENCH_APP_PORT ?? 3206),
  gateway: Number(process.env.BENCH_GATEWAY_PORT ?? 8806),
  stub: Number(process.env.BENCH_STUB_PORT ?? 8816),
};
export const DIST_DIR = process.env.BENCH_DIST_DIR ?? ".next-f";
export const stubUrl = () => `http://127.0.0.1:${PORTS.stub}`;
export const gatewayUrl = () => `http://127.0.0.1:${PORTS.gateway}/v1`;
export const appUrl = () => `http://127.0.0.1:${PORTS.app}`;

export async function startStub(): Promise<Proc> {
  const p = startProc("stub", process.execPath, ["--import", "tsx", "e2e/stub/server.ts", "--port", String(PORTS.stub)]);
  await waitHttp(`${stubUrl()}/health`, 30_000, p);
  return p;
}

export async function startGateway(): Promise<Proc> {
  const script = path.join(ROOT, "node_modules/@portkey-ai/gateway/build/start-server.js");
  const p = startProc("gateway", process.execPath, [script, `--port=${PORTS.gateway}`, "--headless"]);
  await waitHttp(`http://127.0.0.1:${PORTS.gateway}/`, 30_000, p);
  return p;
}

function removeDb(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

/** A new, empty, migrated database data/bench-<name>.db (deleted when the benchmark ends); returns its DATABASE_URL. */
export function freshDb(name: string): string {
  const file = path.join(ROOT, "data", `bench-${name}.db`);
  removeDb(file);
  afterStop(() => removeDb(file));
  const url = `file:./data/bench-${name}.db`;
  runSync(process.execPath, ["scripts/db-migrate.mjs"], { DATABASE_URL: url });
  return url;
}

export interface StubModel {
  slug: string;
  upstream: string;
}

export function seedModels(dbUrl: string, models: StubModel[]): void {
  const seed = JSON.stringify({ baseUrl: `${stubUrl()}/v1`, models });
  runSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/lib/seed-models.ts", seed], { DATABASE_URL: dbUrl });
}

/** `count` answer models m1..mN at the given stub latency (quality spread so the report has something to say). */
export function answerModels(count: number, latencyMs: number): StubModel[] {
  return Array.from({ length: count }, (_, i) => ({
    slug: `bench-m${i + 1}`,
    upstream: `stub:latency=${latencyMs},usage=50/100,quality=${(0.9 - i * 0.02).toFixed(2)},seed=m${i + 1}`,
  }));
}

export const judgeModel = (latencyMs: number): StubModel => ({ slug: "bench-judge", upstream: `stub:judge,latency=${latencyMs},usage=400/60` });

/** `next start` of the production build in DIST_DIR; nodeArgs go to node itself (e.g. --cpu-prof). */
export async function startApp(dbUrl: string, nodeArgs: string[] = []): Promise<Proc> {
  const p = startProc("app", process.execPath, [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-p", String(PORTS.app), "-H", "127.0.0.1"], {
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_URL: dbUrl,
    PORTKEY_GATEWAY_URL: gatewayUrl(),
    NODE_ENV: "production",
  });
  await waitHttp(`${appUrl()}/api/health`, 60_000, p);
  return p;
}

/** The stub's request log after a mark (see e2e/stub/README.md). */
export interface StubEntry {
  seq: number;
  model: string;
  startedAt: number;
  endedAt: number | null;
  status: number;
  judge: boolean;
}

/** fetch, tried a second time when a kept-alive socket was closed by the server while this process was busy. */
async function fetchOnce(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

export async function stubLog(since = 0): Promise<StubEntry[]> {
  return (await (await fetchOnce(`${stubUrl()}/__log?since=${since}`)).json()) as StubEntry[];
}

/** Empties the stub's log (its seq keeps counting), so the next read holds only the calls made after this. */
export async function stubClear(): Promise<void> {
  await fetchOnce(`${stubUrl()}/__log`, { method: "DELETE" });
}

/** Calls per second the stub saw: entries / (last end - first start). */
export function stubThroughput(entries: StubEntry[]): { calls: number; spanSec: number; perSec: number; failed: number; firstStart: number; lastEnd: number } {
  let firstStart = Infinity;
  let lastEnd = -Infinity;
  for (const e of entries) {
    firstStart = Math.min(firstStart, e.startedAt);
    lastEnd = Math.max(lastEnd, e.endedAt ?? e.startedAt);
  }
  const spanSec = entries.length ? (lastEnd - firstStart) / 1000 : 0;
  const failed = entries.filter((e) => e.status !== 200).length;
  return { calls: entries.length, spanSec, perSec: spanSec ? entries.length / spanSec : 0, failed, firstStart, lastEnd };
}
