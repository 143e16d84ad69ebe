// Builds the experiment the report benchmark looks at, through the app's public API like a user would: 7 stub custom
// models with their own prices, a stub judge, then an experiment of N realistic prompts run by the real engine.
import { readFileSync } from "node:fs";
import { appUrl, stubUrl } from "./services";

const ALPACA_FILE = process.env.BENCH_REPORT_PROMPTS ?? "/work/shared/data/alpaca-eval/gpt4_1106_preview/model_outputs.json";
export const EXPERIMENT_NAME = "Report benchmark: 1,000 cases x 7 models";

interface ModelSpec {
  slug: string;
  label: string;
  upstream: string;
  /** USD per 1M input / output tokens */
  price: [number, number];
}

// Quality, latency, length and price differ so the trade-off table, the chart and the recommendation have real work.
export const ANSWER_MODELS: ModelSpec[] = [
  { slug: "rb-baseline", label: "Baseline (large)", upstream: "stub:latency=5,usage=200/300,quality=0.85,words=120,seed=a", price: [2.5, 10] },
  { slug: "rb-mini", label: "Mini", upstream: "stub:latency=5,usage=200/280,quality=0.84,words=110,seed=b", price: [0.15, 0.6] },
  { slug: "rb-flash", label: "Flash", upstream: "stub:latency=5,usage=200/260,quality=0.80,words=100,seed=c", price: [0.1, 0.4] },
  { slug: "rb-premium", label: "Premium", upstream: "stub:latency=5,usage=200/340,quality=0.88,words=140,seed=d", price: [3, 15] },
  { slug: "rb-open-70b", label: "Open 70B", upstream: "stub:latency=5,usage=200/300,quality=0.82,words=120,seed=e", price: [0.88, 0.88] },
  { slug: "rb-small", label: "Small", upstream: "stub:latency=5,usage=200/220,quality=0.72,words=80,seed=f", price: [0.05, 0.2] },
  { slug: "rb-medium", label: "Medium", upstream: "stub:latency=5,usage=200/310,quality=0.83,words=130,seed=g", price: [0.5, 1.5] },
];
export const JUDGE_MODEL: ModelSpec = { slug: "rb-judge", label: "Judge", upstream: "stub:judge,usage=600/60", price: [0.15, 0.6] };

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${appUrl()}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** N instructions from AlpacaEval, read at run time; past the ~805 of the file they repeat with a ticket number. */
export function realisticPrompts(n: number): string[] {
  const rows = JSON.parse(readFileSync(ALPACA_FILE, "utf8")) as { instruction: string }[];
  const all = rows.map((r) => r.instruction.trim()).filter(Boolean);
  return Array.from({ length: n }, (_, i) => (i < all.length ? all[i % all.length]! : `${all[i % all.length]!}\n\n(ticket #${100_000 + i})`));
}

export async function createModels(): Promise<void> {
  for (const m of [...ANSWER_MODELS, JUDGE_MODEL]) {
    await api("POST", "/api/models", { slug: m.slug, label: m.label, baseUrl: `${stubUrl()}/v1`, upstreamModel: m.upstream, keyEnv: null });
    await api("PUT", `/api/models/${m.slug}/price`, { inputPerMillion: m.price[0], outputPerMillion: m.price[1] });
  }
}

export async function createExperiment(prompts: string[], concurrency: number): Promise<string> {
  const [baseline, ...candidates] = ANSWER_MODELS.map((m) => m.slug);
  const r = await api<{ experiment: { id: string; cases: number } }>("POST", "/api/experiments", {
    name: EXPERIMENT_NAME,
    prompts,
    baseline,
    candidates,
    judge: JUDGE_MODEL.slug,
    params: { concurrency },
  });
  if (r.experiment.cases !== prompts.length) throw new Error(`expected ${prompts.length} cases, created ${r.experiment.cases}`);
  return r.experiment.id;
}

interface ExperimentView {
  status: string;
  lastError: string | null;
  progress: { total: number; done: number; failed: number; running: number; pending: number };
}

/** Polls GET /api/experiments/[id] until the run ends; returns the wall time in seconds. */
export async function waitDone(id: string, timeoutMs = 45 * 60_000): Promise<{ seconds: number; view: ExperimentView }> {
  const t0 = Date.now();
  let lastLog = 0;
  for (;;) {
    const { experiment: v } = await api<{ experiment: ExperimentView }>("GET", `/api/experiments/${id}`);
    if (["done", "failed", "cancelled"].includes(v.status)) {
      if (v.status !== "done") throw new Error(`experiment ended ${v.status}: ${v.lastError ?? ""}`);
      return { seconds: (Date.now() - t0) / 1000, view: v };
    }
    if (Date.now() - lastLog > 15_000) {
      lastLog = Date.now();
      const p = v.progress;
      console.log(`  ${Math.round((Date.now() - t0) / 1000)} s: ${v.status}, responses ${p.done}/${p.total} done, ${p.failed} failed, ${p.running} running`);
    }
    if (Date.now() - t0 > timeoutMs) throw new Error(`experiment not done after ${timeoutMs / 60_000} min`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** The newest finished experiment of an earlier run of this benchmark (for --reuse), if any. */
export async function findExisting(): Promise<string | null> {
  const r = await api<{ experiments: { id: string; name: string; status: string; cases: number }[] }>("GET", `/api/experiments?status=done`);
  return r.experiments.find((e) => e.name === EXPERIMENT_NAME)?.id ?? null;
}

export async function createShareLink(id: string): Promise<string> {
  const r = await api<{ link: { url: string } }>("POST", `/api/experiments/${id}/share`, { label: "report benchmark" });
  return new URL(r.link.url, appUrl()).toString();
}

/** What the stub saw: answer calls and judge calls, and how many failed. */
export async function stubCalls(): Promise<{ answers: number; judge: number; failed: number }> {
  const log = (await (await fetch(`${stubUrl()}/__log`)).json()) as { judge: boolean; status: number }[];
  return { answers: log.filter((e) => !e.judge).length, judge: log.filter((e) => e.judge).length, failed: log.filter((e) => e.status !== 200).length };
}
