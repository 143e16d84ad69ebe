// Headless Chromium as the e2e tests launch it, and a fresh context per measurement with the HTTP cache disabled and
// every request counted through the DevTools protocol (bytes on the wire = encodedDataLength of loadingFinished).
import { chromium, devices, type Browser, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
// The same switches as playwright.config.ts.
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launch(): Promise<Browser> {
  return chromium.launch({ ...(CHROMIUM ? { executablePath: CHROMIUM } : {}), args: ARGS });
}

export interface RequestRecord {
  url: string;
  type: string;
  status: number;
  encoded: number;
  decoded: number;
  done: boolean;
  failed: boolean;
}

export interface Tracked {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  requests: Map<string, RequestRecord>;
  inflight(): number;
  /** Resolves once no request has been in flight for quietMs (or after timeoutMs). */
  networkQuiet(quietMs?: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function freshPage(browser: Browser): Promise<Tracked> {
  const context = await browser.newContext({ ...devices["Desktop Chrome"] });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map<string, RequestRecord>();
  let lastChange = Date.now();
  cdp.on("Network.requestWillBeSent", (e) => {
    if (e.request.url.startsWith("data:")) return;
    lastChange = Date.now();
    const prev = requests.get(e.requestId);
    // A redirect reuses the request id: the hop before it is finished, count it under its own key.
    if (prev && e.redirectResponse) requests.set(`${e.requestId}#${requests.size}`, { ...prev, status: e.redirectResponse.status, done: true });
    requests.set(e.requestId, { url: e.request.url, type: e.type ?? "Other", status: 0, encoded: 0, decoded: 0, done: false, failed: false });
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.status = e.response.status;
  });
  cdp.on("Network.dataReceived", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.decoded += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    lastChange = Date.now();
    r.encoded = e.encodedDataLength;
    r.done = true;
  });
  cdp.on("Network.loadingFailed", (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    lastChange = Date.now();
    r.done = true;
    r.failed = true;
  });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const inflight = () => [...requests.values()].filter((r) => !r.done).length;
  return {
    context,
    page,
    cdp,
    requests,
    inflight,
    async networkQuiet(quietMs = 750, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if (inflight() === 0 && Date.now() - lastChange >= quietMs) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => context.close(),
  };
}

export interface Transfer {
  requests: number;
  failed: number;
  bytes: number;
  decodedBytes: number;
  htmlBytes: number;
  htmlDecodedBytes: number;
  byType: Record<string, { count: number; bytes: number }>;
}

export function transferOf(requests: Map<string, RequestRecord>): Transfer {
  const all = [...requests.values()];
  const byType: Transfer["byType"] = {};
  for (const r of all) {
    const t = (byType[r.type] ??= { count: 0, bytes: 0 });
    t.count++;
    t.bytes += r.encoded;
  }
  const doc = all.find((r) => r.type === "Document");
  return {
    requests: all.length,
    failed: all.filter((r) => r.failed || r.status >= 400).length,
    bytes: all.reduce((s, r) => s + r.encoded, 0),
    decodedBytes: all.reduce((s, r) => s + r.decoded, 0),
    htmlBytes: doc?.encoded ?? 0,
    htmlDecodedBytes: doc?.decoded ?? 0,
    byType,
  };
}
