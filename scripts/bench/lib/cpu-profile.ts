// Summarises a V8 .cpuprofile (node --cpu-prof): self time by package / area and the hottest functions.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: an npm package, node's internals, the app's own source, or a V8 pseudo-frame. */
function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith("node:")) return "node internals";
  // next build output: one chunk per group of modules, named after its first module (e.g. lib_runner_run_ts_…).
  if (/\/\.next[^/]*\/server\//.test(url)) return `next chunk ${path.basename(url).replace(/_[0-9a-z-]+\._\.js$/, "")}`;
  const rel = url.replace(/^file:\/\//, "");
  const m = /\/(lib|scripts|app)\/([^/]+)/.exec(rel);
  return m ? `app ${m[1]}/${m[2]}` : rel;
}

export interface ProfileSummary {
  totalMs: number;
  areas: { area: string; ms: number; share: number }[];
  functions: { name: string; ms: number; share: number }[];
}

export function summariseProfile(file: string, top = 12): ProfileSummary {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // Each sample's time delta belongs to the node sampled (timeDeltas[i] precedes samples[i]).
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  }
  const totalMs = (p.endTime - p.startTime) / 1000;
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const name = `${functionName || "(anonymous)"} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ""}`.trim();
    fns.set(name, (fns.get(name) ?? 0) + ms);
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => ({ ms, share: ms / totalMs, k }));
  return {
    totalMs,
    areas: rank(areas).map(({ k, ms, share }) => ({ area: k, ms, share })),
    functions: rank(fns).map(({ k, ms, share }) => ({ name: k, ms, share })),
  };
}

/** The main thread's profile in a directory (CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile, thread 0; tsx's
 * loader runs in a worker thread that writes its own). */
export function mainThreadProfile(dir: string): string {
  const files = readdirSync(dir).filter((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f)).sort();
  const last = files.at(-1);
  if (!last) throw new Error(`no main-thread .cpuprofile in ${dir}: ${readdirSync(dir).join(", ")}`);
  return path.join(dir, last);
}
