import { beforeAll, describe, expect, it } from "vitest";
import * as compare from "@/app/api/compare/route";
import * as estimate from "@/app/api/estimate/route";
import * as experiments from "@/app/api/experiments/route";
import * as experiment from "@/app/api/experiments/[id]/route";
import * as run from "@/app/api/experiments/[id]/run/route";
import * as cancel from "@/app/api/experiments/[id]/cancel/route";
import * as report from "@/app/api/experiments/[id]/report/route";
import * as events from "@/app/api/experiments/[id]/events/route";
import * as extend from "@/app/api/experiments/[id]/extend/route";
import * as exportRoute from "@/app/api/experiments/[id]/export/route";
import * as cases from "@/app/api/experiments/[id]/cases/route";
import * as share from "@/app/api/experiments/[id]/share/route";
import * as shareLink from "@/app/api/experiments/[id]/share/[linkId]/route";
import * as shareCases from "@/app/api/share/[token]/cases/route";
import * as models from "@/app/api/models/route";
import * as price from "@/app/api/models/[slug]/price/route";
import * as modelTest from "@/app/api/models/[slug]/test/route";
import * as imports from "@/app/api/imports/route";
import * as inspect from "@/app/api/imports/[id]/inspect/route";
import * as importEstimate from "@/app/api/imports/[id]/estimate/route";
import * as replay from "@/app/api/imports/[id]/replay/route";
import { experimentView } from "@/lib/experiments/view";
import { listExperiments } from "@/lib/db/experiments";
import { listShareLinks } from "@/lib/db/share-links";
import { getModelsBySlugs } from "@/lib/db/models";
import { jsonRequest, stubModel } from "./helpers";

// Every route handler, sent malformed requests: wrong types, missing fields, unknown ids, oversize bodies, path
// tricks in ids, invalid share tokens. Every answer is a 4xx with a clear message (never a 5xx), and nothing stored
// changes: the experiment, its cells and links, the model's price, and no new experiment appears.

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const get = (url: string) => new Request(`http://localhost${url}`);
const del = (url: string) => new Request(`http://localhost${url}`, { method: "DELETE" });
const raw = (url: string, body: string, type = "application/json", method = "POST") => new Request(`http://localhost${url}`, { method, headers: { "content-type": type }, body });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one helper for every route's params shape
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) }) as { params: Promise<any> };
const BIG = "x".repeat(3 * 1024 * 1024);
const TRICKY_IDS = ["../../etc/passwd", "..%2F..%2Fdata", "cmwx' OR '1'='1", "a".repeat(5000), "", "%00"];

let expId = "";
let linkId = "";

beforeAll(async () => {
  await stubModel("bad-base", "openai", "usage=5/5", [1, 1]);
  await stubModel("bad-cand", "openai", "usage=5/5", [0.5, 0.5]);
  const res = await experiments.POST(jsonRequest("/api/experiments", { name: "bad-input fixture", prompts: ["one", "two"], baseline: "bad-base", candidates: ["bad-cand"], start: false }));
  expId = ((await res.json()) as { experiment: { id: string } }).experiment.id;
  const l = await share.POST(jsonRequest(`/api/experiments/${expId}/share`, {}), params({ id: expId }));
  linkId = ((await l.json()) as { link: { id: string } }).link.id;
});

async function snapshot() {
  const view = await experimentView(expId, { cells: true });
  const links = await listShareLinks(expId);
  const m = await getModelsBySlugs(["bad-base", "bad-cand"]);
  const strays = await listExperiments({ query: "BADINPUT" });
  return JSON.stringify({ view: { ...view, active: undefined }, links, models: [...m.values()], strays: strays.length });
}

function cases_(): [string, () => Promise<Response>][] {
  const id = expId;
  const P = (h: Handler, p: Record<string, string>) => (req: Request) => h(req, params(p));
  const list: [string, () => Promise<Response>][] = [
    ["compare: wrong types", () => compare.POST(jsonRequest("/api/compare", { prompt: ["x"], models: [1, 2] }))],
    ["compare: oversize", () => compare.POST(raw("/api/compare", JSON.stringify({ prompt: BIG, models: ["bad-base"] })))],
    ["estimate: missing fields", () => estimate.POST(jsonRequest("/api/estimate", {}))],
    ["estimate: unknown model", () => estimate.POST(jsonRequest("/api/estimate", { prompts: ["a"], baseline: "nope", candidates: ["bad-cand"] }))],
    ["experiments: wrong types", () => experiments.POST(jsonRequest("/api/experiments", { name: "BADINPUT 1", prompts: "a", baseline: 3, candidates: {} }))],
    ["experiments: unknown candidate", () => experiments.POST(jsonRequest("/api/experiments", { name: "BADINPUT 2", prompts: ["a"], baseline: "bad-base", candidates: ["ghost"] }))],
    ["experiments: oversize", () => experiments.POST(raw("/api/experiments", `{"name":"BADINPUT 3","text":"${"y".repeat(25 * 1024 * 1024)}"}`))],
    ["experiments: not JSON", () => experiments.POST(raw("/api/experiments", "name=BADINPUT"))],
    ["experiments: wrong content type", () => experiments.POST(raw("/api/experiments", "{}", "text/plain"))],
    ["extend: not from a log", () => P(extend.POST as Handler, { id })(jsonRequest(`/api/experiments/${id}/extend`, { count: 5 }))],
    ["extend: wrong type", () => P(extend.POST as Handler, { id })(jsonRequest(`/api/experiments/${id}/extend`, { count: "five" }))],
    ["run: bad body", () => P(run.POST as Handler, { id })(jsonRequest(`/api/experiments/${id}/run`, { retryFailed: "yes" }))],
    ["run: not JSON", () => P(run.POST as Handler, { id })(raw(`/api/experiments/${id}/run`, "{oops"))],
    ["export: unknown format", () => P(exportRoute.GET as Handler, { id })(get(`/api/experiments/${id}/export?format=xlsx`))],
    ["cases: bad paging", () => P(cases.GET as Handler, { id })(get(`/api/experiments/${id}/cases?offset=-1&limit=100000`))],
    ["cases: unknown filter", () => P(cases.GET as Handler, { id })(get(`/api/experiments/${id}/cases?filter=everything`))],
    ["share: bad body", () => P(share.POST as Handler, { id })(jsonRequest(`/api/experiments/${id}/share`, { expiresInDays: -3, label: 7 }))],
    ["share: unknown link", () => P(shareLink.DELETE as Handler, { id, linkId: "cmnotalink000000000000000" })(del(`/api/experiments/${id}/share/x`))],
    ["share: link of another experiment", () => P(shareLink.DELETE as Handler, { id: "cmotherexperiment00000000", linkId })(del(`/api/experiments/x/share/${linkId}`))],
    ["models: bad custom model", () => models.POST(jsonRequest("/api/models", { slug: "Bad Slug!", label: "", baseUrl: "ftp://x", upstreamModel: "", keyEnv: "sk-live-123" }))],
    ["models: duplicate slug", () => models.POST(jsonRequest("/api/models", { slug: "bad-base", label: "dup", baseUrl: "http://localhost:1/v1", upstreamModel: "m" }))],
    ["price: negative", () => P(price.PUT as Handler, { slug: "bad-base" })(raw("/api/models/bad-base/price", JSON.stringify({ inputPerMillion: -1, outputPerMillion: "2" }), "application/json", "PUT"))],
    ["price: unknown model", () => P(price.PUT as Handler, { slug: "ghost" })(raw("/api/models/ghost/price", JSON.stringify({ inputPerMillion: 1, outputPerMillion: 2 }), "application/json", "PUT"))],
    ["price delete: unknown model", () => P(price.DELETE as Handler, { slug: "ghost" })(del("/api/models/ghost/price"))],
    ["model test: unknown model", () => P(modelTest.POST as Handler, { slug: "ghost" })(raw("/api/models/ghost/test", "{}"))],
    ["imports: empty body", () => imports.POST(new Request("http://localhost/api/imports?name=x.jsonl", { method: "POST", body: "" }))],
    ["inspect: bad format", () => P(inspect.POST as Handler, { id: "00000000-0000-4000-8000-000000000000" })(jsonRequest("/x", { format: "xml" }))],
    ["import estimate: unknown upload", () => P(importEstimate.POST as Handler, { id: "00000000-0000-4000-8000-000000000000" })(jsonRequest("/x", { baseline: "bad-base", candidates: ["bad-cand"] }))],
    ["replay: baseline as candidate", () => P(replay.POST as Handler, { id: "00000000-0000-4000-8000-000000000000" })(jsonRequest("/x", { baseline: "bad-base", candidates: ["bad-base"] }))],
  ];
  for (const tricky of TRICKY_IDS) {
    const p = { id: tricky };
    list.push(
      [`detail: id ${JSON.stringify(tricky.slice(0, 20))}`, () => P(experiment.GET as Handler, p)(get("/x"))],
      [`run: id ${JSON.stringify(tricky.slice(0, 20))}`, () => P(run.POST as Handler, p)(raw("/x", "{}"))],
      [`cancel: id ${JSON.stringify(tricky.slice(0, 20))}`, () => P(cancel.POST as Handler, p)(raw("/x", "{}"))],
      [`report: id ${JSON.stringify(tricky.slice(0, 20))}`, () => P(report.GET as Handler, p)(get("/x"))],
      [`events: id ${JSON.stringify(tricky.slice(0, 20))}`, () => P(events.GET as Handler, p)(get("/x"))],
      [`export: id ${JSON.stringify(tricky.slice(0, 20))}`, () => P(exportRoute.GET as Handler, p)(get("/x?format=csv"))],
      [`cases: id ${JSON.stringify(tricky.slice(0, 20))}`, () => P(cases.GET as Handler, p)(get("/x"))],
      [`share list: id ${JSON.stringify(tricky.slice(0, 20))}`, () => P(share.GET as Handler, p)(get("/x"))],
      [`share create: id ${JSON.stringify(tricky.slice(0, 20))}`, () => P(share.POST as Handler, p)(jsonRequest("/x", {}))],
      [`extend: id ${JSON.stringify(tricky.slice(0, 20))}`, () => P(extend.POST as Handler, p)(jsonRequest("/x", { count: 1 }))],
      [`inspect: upload id ${JSON.stringify(tricky.slice(0, 20))}`, () => P(inspect.POST as Handler, p)(jsonRequest("/x", {}))],
      [`replay: upload id ${JSON.stringify(tricky.slice(0, 20))}`, () => P(replay.POST as Handler, p)(jsonRequest("/x", { baseline: "bad-base", candidates: ["bad-cand"] }))],
      [`share page cases: token ${JSON.stringify(tricky.slice(0, 20))}`, () => P(shareCases.GET as Handler, { token: tricky })(get("/x"))],
      [`price: slug ${JSON.stringify(tricky.slice(0, 20))}`, () => P(price.DELETE as Handler, { slug: tricky })(del("/x"))],
    );
  }
  list.push(["share page cases: well-formed but unknown token", () => P(shareCases.GET as Handler, { token: "A".repeat(43) })(get("/x"))]);
  return list;
}

describe("malformed requests to every route handler", () => {
  it("answer 4xx with a clear message, never 5xx, and change nothing", { timeout: 120_000 }, async () => {
    const before = await snapshot();
    const failures: string[] = [];
    for (const [name, call] of cases_()) {
      const res = await call();
      const text = await res.text();
      let message = "";
      try {
        message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? "";
      } catch {}
      if (res.status < 400 || res.status >= 500) failures.push(`${name}: status ${res.status}`);
      else if (!message || message.length < 8) failures.push(`${name}: no clear message (${text.slice(0, 80)})`);
      else if (/at \S+\.(ts|js):\d+|prisma|sqlite|TypeError|undefined/i.test(message)) failures.push(`${name}: internal detail leaked: ${message}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});
