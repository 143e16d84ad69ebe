// "Report at scale": an experiment of 1,000 cases x 7 models, judged, created through the app's API and run by the real
// engine (stub upstream behind the real Portkey gateway); then, in headless Chromium with a fresh context and no cache
// per run, the cold load of /experiments/[id] and of its share page (paint and readiness times, bytes, requests), the
// smoothness of scrolling the per-case explorer and the time of each "Next" page. Writes .tmp/bench-report.md.
// Needs a production build:   NEXT_DIST_DIR=.next-g npx next build
// Run:   npx tsx scripts/bench/report.ts [--cases 1000] [--runs 7] [--scroll-runs 4] [--paging-runs 2] [--concurrency 64]
//        [--keep] (keep data/bench-report.db)  [--reuse] (measure the experiment of a kept database instead of a new run)
// Ports 3207 / 8807 / 8817, dist dir .next-g, database data/bench-report.db (BENCH_REPORT_* environment to change them).
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { ROOT, runBench } from "./lib/proc";
import { arg, flag, fmt } from "./lib/stats";
import { launch } from "./report-lib/browser";
import { measurePaging, measureScroll, tracedPageChange, type PageChange, type ScrollSample } from "./report-lib/explorer";
import { loadTable, machineFacts, pagingTable, scrollTable, serverTable, targetLines, traceTable, typeTable, type PageResult } from "./report-lib/markdown";
import { measureLoad, tracedLoad } from "./report-lib/page-load";
import { serverTiming, type ServerTiming } from "./report-lib/server-timing";
import type { Breakdown } from "./report-lib/trace";
import { ANSWER_MODELS, createExperiment, createModels, createShareLink, findExisting, JUDGE_MODEL, realisticPrompts, stubCalls, waitDone } from "./report-lib/seed";
import { appUrl, DB_NAME, dbExists, DIST_DIR, PORTS, prepareDb, startServers } from "./report-lib/services";

const CASES = arg("--cases", 1000);
const RUNS = arg("--runs", 7);
const SCROLL_RUNS = arg("--scroll-runs", 4);
const PAGING_RUNS = arg("--paging-runs", 2);
const CONCURRENCY = arg("--concurrency", 64);
const KEEP = flag("--keep");
const REUSE = flag("--reuse");
const OUT = path.join(ROOT, ".tmp", "bench-report.md");

const load1 = () => loadavg()[0]!.toFixed(2);

async function experiment(): Promise<{ id: string; note: string }> {
  if (REUSE) {
    const id = await findExisting();
    if (id) return { id, note: `reused experiment ${id} from an earlier run (--reuse)` };
  }
  await createModels();
  const prompts = realisticPrompts(CASES);
  console.log(`creating the experiment: ${CASES} cases x ${ANSWER_MODELS.length} models + judge, concurrency ${CONCURRENCY} (load ${load1()})`);
  const id = await createExperiment(prompts, CONCURRENCY);
  const { seconds, view } = await waitDone(id);
  const calls = await stubCalls();
  const note =
    `${CASES.toLocaleString("en-US")} cases x ${ANSWER_MODELS.length} models, judged by ${JUDGE_MODEL.slug}: ${view.progress.done.toLocaleString("en-US")} responses done, ` +
    `${view.progress.failed} failed; the stub saw ${calls.answers.toLocaleString("en-US")} answer calls + ${calls.judge.toLocaleString("en-US")} judge calls ` +
    `(${calls.failed} non-200) in ${fmt(seconds, 0)} s (created → status done)`;
  console.log(note);
  return { id, note };
}

async function main(): Promise<void> {
  const reusing = REUSE && dbExists();
  prepareDb({ reuse: reusing, keep: KEEP || REUSE });
  await startServers();
  console.log(`servers up: app ${appUrl()}, gateway :${PORTS.gateway}, stub :${PORTS.stub} (load ${load1()})`);
  const exp = await experiment();
  const shareUrl = await createShareLink(exp.id);
  const pages = [
    { name: "experiment page", url: `${appUrl()}/experiments/${exp.id}` },
    { name: "share page", url: shareUrl },
  ];

  const server: { name: string; t: ServerTiming }[] = [];
  const token = new URL(shareUrl).pathname.split("/").pop()!;
  const casesQs = (offset: number) => `cases?offset=${offset}&limit=20&filter=all`;
  const probes = [
    ...pages,
    { name: "cases API, first page", url: `${appUrl()}/api/experiments/${exp.id}/${casesQs(0)}` },
    { name: "cases API, last page", url: `${appUrl()}/api/experiments/${exp.id}/${casesQs(CASES - 20)}` },
    { name: "share cases API, first page", url: `${appUrl()}/api/share/${token}/${casesQs(0)}` },
  ];
  for (const p of probes) {
    const t = await serverTiming(p.url);
    console.log(`${p.name} from the server: headers ${fmt(t.ttfb.median, 0)} ms, full ${fmt(t.full.median, 0)} ms median (load ${t.loadAvg.toFixed(2)})`);
    server.push({ name: p.name, t });
  }

  const browser = await launch();
  const results: PageResult[] = [];
  for (const p of pages) {
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      const s = await measureLoad(browser, p.url);
      console.log(
        `${p.name} run ${i + 1}${i === 0 ? " (warm-up, not counted)" : ""}: load ${s.loadAvg.toFixed(2)}, FCP ${fmt(s.fcp, 0)} ms, report ${fmt(s.report, 0)} ms, cases ${fmt(s.cases, 0)} ms, ` +
          `load ${fmt(s.load, 0)} ms, ${fmt(s.transfer.bytes / 1024, 0)} KB in ${s.transfer.requests} requests (HTML ${fmt(s.transfer.htmlBytes / 1024, 0)} KB)`,
      );
      if (i > 0) samples.push(s);
    }
    results.push({ name: p.name, samples });
  }

  const scrolls: ScrollSample[] = [];
  for (let i = 0; i < SCROLL_RUNS + 1; i++) {
    const s = await measureScroll(browser, pages[0]!.url);
    console.log(`scroll pass ${i + 1}${i === 0 ? " (warm-up)" : ""}: load ${s.loadAvg.toFixed(2)}, ${fmt(s.distancePx, 0)} px, ${s.frames} frames, ${fmt(s.fps, 1)} fps, p95 ${fmt(s.p95FrameMs, 1)} ms, >50 ms: ${s.longFrames}, long tasks ${s.longTasks}`);
    if (i > 0) scrolls.push(s);
  }
  const paging: PageChange[] = [];
  for (let i = 0; i < PAGING_RUNS; i++) {
    for (const c of await measurePaging(browser, pages[0]!.url, 5)) {
      console.log(`next → page ${c.page}: load ${c.loadAvg.toFixed(2)}, shown after ${fmt(c.shownMs, 0)} ms (API ${fmt(c.apiMs, 0)} ms, data in at ${fmt(c.dataMs, 0)} ms)`);
      paging.push(c);
    }
  }
  // Traced runs come last and are not in the timing tables (tracing slows the page down a little).
  const traces: { label: string; trace: Breakdown }[] = [];
  for (const p of pages) traces.push({ label: `cold load, ${p.name} (${load1()})`, trace: await tracedLoad(browser, p.url) });
  const tpc = await tracedPageChange(browser, pages[0]!.url);
  traces.push({ label: `Next → page 2 (${tpc.change.loadAvg.toFixed(2)})`, trace: tpc.trace });
  console.log(`traced: ${traces.map((t) => `${t.label}: busy ${fmt(t.trace.busyMs, 0)} of ${fmt(t.trace.wallMs, 0)} ms`).join("; ")}`);
  const chromiumVersion = browser.version();
  await browser.close();

  const md = [
    `# Benchmark: report at scale`,
    ``,
    `Run ${new Date().toISOString()}. ${exp.note}. Share link created with POST /api/experiments/[id]/share.`,
    ``,
    `## Targets (first render < 1.5 s, < 2 MB sent)`,
    ``,
    targetLines(results),
    ``,
    `## Cold page loads — ${RUNS - 1} measured runs per page after 1 warm-up, each in a fresh browser context, HTTP cache disabled`,
    ``,
    `Times are from navigation start. "Visible" = the element has a layout box (Playwright's sense), noted on the animation frame`,
    `before the paint that shows it; it may be below the fold. Bytes = sum of CDP Network.loadingFinished encodedDataLength`,
    `(headers + compressed bodies) until the page is loaded, the first page of cases is shown and the network has been idle 750 ms.`,
    `p95 of ${RUNS - 1} samples is interpolated (close to the max).`,
    ``,
    loadTable(results),
    ``,
    `The server's share: the same pages' HTML and the explorer's cases API fetched 10 times in a row by Node (after 1 warm-up), no browser:`,
    ``,
    serverTable(server),
    ``,
    `Medians by resource type:`,
    ``,
    typeTable(results),
    ``,
    `## Explorer: scrolling the case list (experiment page)`,
    ``,
    `From the top of the case explorer to the bottom of its case list (20 cases per page, each with ${ANSWER_MODELS.length} answers), 60 mouse.wheel`,
    `steps over ~3 s, frame times from requestAnimationFrame deltas, long tasks from PerformanceObserver('longtask').`,
    `${SCROLL_RUNS} passes after a warm-up, each in a fresh context.`,
    ``,
    scrollTable(scrolls),
    ``,
    `## Explorer: "Next" page (experiment page)`,
    ``,
    `${PAGING_RUNS} passes of 5 presses, each pass in a fresh context; time from click to the frame that shows the new cases`,
    `(the count reads the next range without "updating…" and the first case is a new one).`,
    ``,
    pagingTable(paging),
    ``,
    `## Where the main-thread time goes (one traced run each, load average in brackets)`,
    ``,
    `Chrome trace of the renderer's main thread (browser.startTracing): each event's self time summed by kind. Cold load: from`,
    `navigation until the first page of cases is visible. Next: from the click until the new cases are painted`,
    `(${fmt(tpc.change.shownMs, 0)} ms in this traced run; the cases API answered ${fmt(tpc.change.dataMs, 0)} ms after the click).`,
    ``,
    traceTable(traces),
    ``,
    `## Machine`,
    ``,
    machineFacts(chromiumVersion),
    `- other benchmarks may have been running on this machine at the same time: the 1-minute load average before each run is in the tables`,
    ``,
    `## Commands`,
    ``,
    "```sh",
    `NEXT_DIST_DIR=${DIST_DIR} npx next build`,
    `npx tsx scripts/bench/report.ts --cases ${CASES} --runs ${RUNS} --scroll-runs ${SCROLL_RUNS} --paging-runs ${PAGING_RUNS} --concurrency ${CONCURRENCY}${KEEP ? " --keep" : ""}${REUSE ? " --reuse" : ""}`,
    "```",
    ``,
    `The script migrates data/${DB_NAME} (scripts/db-migrate.mjs), starts the stub (e2e/stub/server.ts --port ${PORTS.stub}), the gateway`,
    `(--port=${PORTS.gateway}) and \`next start -p ${PORTS.app}\` with DATABASE_URL=file:./data/${DB_NAME}, creates the models with POST /api/models +`,
    `PUT /api/models/<slug>/price, the experiment with POST /api/experiments (prompts = the \`instruction\` fields of AlpacaEval's`,
    `gpt4_1106_preview/model_outputs.json, read at run time), polls GET /api/experiments/[id] until done, and stops everything it started.`,
    ``,
    `Models (stub upstream model strings and prices in USD per 1M input/output tokens):`,
    ``,
    ...[...ANSWER_MODELS, JUDGE_MODEL].map((m, i) => `- \`${m.slug}\`${i === 0 ? " (baseline)" : m === JUDGE_MODEL ? " (judge)" : ""}: \`${m.upstream}\`, $${m.price[0]} / $${m.price[1]}`),
    ``,
  ].join("\n");
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, md);
  console.log(`\n${md}\nwritten to ${path.relative(ROOT, OUT)}`);
}

runBench(main);
