// What the CLI needs around the engine: a migrated database, a Portkey gateway (the local open-source one is started
// when none answers and hosted Portkey isn't configured), and the demo models' upstream. Stopped on exit.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { demoChatCompletion } from "@/lib/demo/upstream";

const root = path.resolve(__dirname, "..", "..");
const children: ChildProcess[] = [];
const servers: http.Server[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => (a && typeof a === "object" ? resolve(a.port) : reject(new Error("no free port"))));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1500) })).ok;
  } catch {
    return false;
  }
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await answers(url)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the Portkey gateway did not start (${url})`);
}

async function startDemoUpstream(): Promise<string> {
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {}
      const reply = demoChatCompletion(body);
      setTimeout(() => {
        res.writeHead(reply.status, { "content-type": "application/json" });
        res.end(JSON.stringify(reply.body));
      }, reply.delayMs);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address();
  return `http://127.0.0.1:${addr && typeof addr === "object" ? addr.port : 0}/v1`;
}

export async function prepareServices(log: (s: string) => void): Promise<void> {
  process.env.DATABASE_URL ||= "file:./data/tradeoff.db";
  const { applyMigrations } = (await import(path.join(root, "scripts", "db-migrate.mjs"))) as { applyMigrations: (u: string) => Promise<string[]> };
  await applyMigrations(process.env.DATABASE_URL);
  process.env.TRADEOFF_DEMO_UPSTREAM ||= await startDemoUpstream();
  if (process.env.PORTKEY_API_KEY) return;
  const configured = process.env.PORTKEY_GATEWAY_URL || "http://127.0.0.1:8787/v1";
  if (await answers(configured.replace(/\/v1\/?$/, "/"))) {
    process.env.PORTKEY_GATEWAY_URL = configured;
    return;
  }
  const port = await freePort();
  log(`starting the Portkey gateway on :${port}`);
  const child = spawn(process.execPath, [path.join(root, "node_modules/@portkey-ai/gateway/build/start-server.js"), `--port=${port}`, "--headless"], { stdio: "ignore" });
  children.push(child);
  process.env.PORTKEY_GATEWAY_URL = `http://127.0.0.1:${port}/v1`;
  await waitFor(`http://127.0.0.1:${port}/`, 30_000);
}

export function stopServices(): void {
  for (const c of children) c.kill("SIGTERM");
  for (const s of servers) s.close();
}
