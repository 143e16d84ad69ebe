// The server's share of a page load, without a browser: sequential GETs of a page's HTML (or an API), with a desktop
// Chrome user agent, timing the response headers (time to first byte) and the full streamed body.
import { loadavg } from "node:os";
import { median, percentile } from "../lib/stats";

const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

export interface ServerTiming {
  loadAvg: number;
  ttfb: { median: number; p95: number; max: number };
  full: { median: number; p95: number; max: number };
  bytes: number;
}

export async function serverTiming(url: string, times = 10): Promise<ServerTiming> {
  const loadAvg = loadavg()[0]!;
  const ttfb: number[] = [];
  const full: number[] = [];
  let bytes = 0;
  for (let i = 0; i < times + 1; i++) {
    const t0 = performance.now();
    const accept = url.includes("/api/") ? "application/json" : "text/html";
    const res = await fetch(url, { headers: { "user-agent": UA, accept, "accept-encoding": "identity" } });
    const t1 = performance.now();
    const body = await res.arrayBuffer();
    const t2 = performance.now();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    if (i === 0) continue; // warm-up
    ttfb.push(t1 - t0);
    full.push(t2 - t0);
    bytes = body.byteLength;
  }
  const s = (v: number[]) => ({ median: median(v), p95: percentile(v, 95), max: Math.max(...v) });
  return { loadAvg, ttfb: s(ttfb), full: s(full), bytes };
}
