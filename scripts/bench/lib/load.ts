// Raw load without the app: chat-completion requests made with node:http, straight to the stub or through the Portkey
// gateway with the same config the app sends (lib/portkey/config.ts), at a fixed concurrency. Each batch has its own
// keep-alive agent, destroyed afterwards, so no socket left idle between phases is reused after the server closed it.
import http from "node:http";
import { buildPortkeyConfig } from "../../../lib/portkey/config";

export interface Target {
  url: string;
  headers: Record<string, string>;
}

export function viaGateway(gatewayV1: string, stubV1: string): Target {
  const config = buildPortkeyConfig({ provider: "openai", apiKey: "none", customHost: stubV1 }, { retryAttempts: 3, requestTimeoutMs: 60_000 });
  return { url: `${gatewayV1}/chat/completions`, headers: { "content-type": "application/json", "x-portkey-config": JSON.stringify(config) } };
}

export function direct(stubV1: string): Target {
  return { url: `${stubV1}/chat/completions`, headers: { "content-type": "application/json", authorization: "Bearer none" } };
}

export const newAgent = () => new http.Agent({ keepAlive: true, maxSockets: Infinity });

export function chat(t: Target, agent: http.Agent, model: string, prompt: string, traceId?: string): Promise<void> {
  const body = JSON.stringify({ model, messages: [{ role: "user", content: prompt }] });
  const headers: Record<string, string> = { ...t.headers, "content-length": String(Buffer.byteLength(body)) };
  if (traceId) Object.assign(headers, { "x-portkey-trace-id": traceId, "x-portkey-metadata": JSON.stringify({ bench: "raw" }) });
  return new Promise((resolve, reject) => {
    const req = http.request(t.url, { method: "POST", headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`${res.statusCode} from ${t.url}: ${Buffer.concat(chunks).toString().slice(0, 200)}`))));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** n calls at `concurrency` in flight; returns calls per second over the whole batch. */
export async function closedLoop(t: Target, model: string, prompts: string[], n: number, concurrency: number): Promise<{ wallSec: number; perSec: number }> {
  const agent = newAgent();
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < n) {
      const i = next++;
      await chat(t, agent, model, prompts[i % prompts.length]!, `bench-raw-${i}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const wallSec = (performance.now() - started) / 1000;
  return { wallSec, perSec: n / wallSec };
}
