import { inject } from "vitest";
import { createCustomModel, modelExists, setPriceOverride } from "@/lib/db/models";

// Test models are custom models pointing at the stub upstream; directives in the model name drive the stub.

export const STUB_URL = inject("itEnv").STUB_URL;

export async function stubModel(slug: string, provider: "openai" | "anthropic", directives: string, pricePerMillion?: [number, number]): Promise<string> {
  if (!(await modelExists(slug))) {
    await createCustomModel({ slug, label: slug, baseUrl: `${STUB_URL}/v1`, upstreamModel: `stub:${directives}`, keyEnv: null, provider });
  }
  if (pricePerMillion) {
    await setPriceOverride(slug, { inputPerToken: pricePerMillion[0] / 1e6, outputPerToken: pricePerMillion[1] / 1e6, cachedInputPerToken: null, source: "test override", date: "2026-11-27" });
  }
  return slug;
}

export interface StubLogEntry {
  seq: number;
  model: string;
  startedAt: number;
  endedAt: number;
  status: number;
  provider: string;
  caseTag?: string | null;
  judge?: boolean;
}

// Test files run in parallel against one stub: never clear its log; read the entries after a mark instead,
// and filter by the test's own upstream model names.
export async function stubLog(since = 0, models?: string[]): Promise<StubLogEntry[]> {
  const all = (await (await fetch(`${STUB_URL}/__log?since=${since}`)).json()) as StubLogEntry[];
  return models ? all.filter((l) => models.includes(l.model)) : all;
}

export async function stubLogMark(): Promise<number> {
  const all = (await (await fetch(`${STUB_URL}/__log`)).json()) as StubLogEntry[];
  return all.reduce((m, l) => Math.max(m, l.seq), 0);
}

export function jsonRequest(url: string, body: unknown, init: RequestInit = {}): Request {
  return new Request(`http://localhost${url}`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body), ...init });
}

export function ctx(id: string) {
  return { params: Promise.resolve({ id }) };
}
