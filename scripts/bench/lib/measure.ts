// Runs one command to completion under /usr/bin/time -v (when present) while polling its process tree:
// wall time, peak RSS (tree sum, largest single process) and CPU seconds.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { startProc } from "./proc";
import { watchTree } from "./procfs";

export const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

export interface Measured {
  exitCode: number | null;
  wallSec: number;
  /** Peak of the summed RSS of every process in the tree (polled every 100 ms), MiB. */
  peakTreeRssMb: number;
  /** Largest VmHWM of one process of the tree, MiB. */
  peakProcessMb: number;
  /** GNU time's "Maximum resident set size" (largest single process, exact), MiB; null without /usr/bin/time. */
  timeMaxRssMb: number | null;
  /** User + system CPU seconds of the whole tree (GNU time when present, else polled). */
  cpuSec: number;
  load1Before: number;
  output: string;
  /** Epoch ms of the start, of the first output line matching each mark, and of the exit. */
  times: { start: number; end: number; marks: Record<string, number> };
  /** [epoch ms, tree RSS MiB] polled every 100 ms. */
  rssSamples: [number, number][];
}

export async function measureCommand(
  name: string,
  cmd: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  marks: Record<string, RegExp> = {},
): Promise<Measured> {
  const dir = mkdtempSync(path.join(tmpdir(), "tradeoff-bench-time-"));
  const timeFile = path.join(dir, "time.txt");
  const load1Before = loadavg()[0]!;
  const start = Date.now();
  const started = performance.now();
  const p = GNU_TIME ? startProc(name, GNU_TIME, ["-v", "-o", timeFile, cmd, ...args], env) : startProc(name, cmd, args, env);
  const watch = watchTree(p.pid);
  const seen: Record<string, number> = {};
  const onData = (d: Buffer) => {
    const text = d.toString();
    for (const [k, re] of Object.entries(marks)) if (seen[k] === undefined && re.test(text)) seen[k] = Date.now();
  };
  p.child.stdout?.on("data", onData);
  p.child.stderr?.on("data", onData);
  const exitCode = await p.exited;
  const wallSec = (performance.now() - started) / 1000;
  const end = Date.now();
  const usage = watch.stop();
  let timeMaxRssMb: number | null = null;
  let cpuSec = usage.cpuSec;
  if (GNU_TIME && existsSync(timeFile)) {
    const t = readFileSync(timeFile, "utf8");
    const num = (re: RegExp) => Number(re.exec(t)?.[1] ?? NaN);
    timeMaxRssMb = num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024;
    cpuSec = num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/);
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    exitCode, wallSec, peakTreeRssMb: usage.peakTreeRssMb, peakProcessMb: usage.peakProcessHwmMb, timeMaxRssMb, cpuSec, load1Before, output: p.output(),
    times: { start, end, marks: seen }, rssSamples: usage.samples,
  };
}

/** The Tradeoff CLI replay, as the README documents it (one node process; it starts a gateway only if none answers). */
export function cliReplayArgs(log: string, o: { baseline: string; candidates: string[]; judge?: string; concurrency: number; cpuProfDir?: string }): string[] {
  return [
    ...(o.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${o.cpuProfDir}`] : []),
    "--conditions=react-server",
    "--import",
    "tsx",
    "scripts/cli.ts",
    "replay",
    log,
    "--baseline",
    o.baseline,
    "--candidates",
    o.candidates.join(","),
    ...(o.judge ? ["--judge", o.judge] : []),
    "--concurrency",
    String(o.concurrency),
  ];
}

export interface Phase {
  name: string;
  sec: number;
  /** Peak polled RSS of the tree within the phase, MiB. */
  peakRssMb: number;
}

/** Splits a run at the given epoch times (in order) and gives each stretch its length and peak RSS. */
export function phases(m: Measured, cuts: [string, number][]): Phase[] {
  const bounds = [m.times.start, ...cuts.map(([, t]) => t), m.times.end];
  const names = [...cuts.map(([n]) => n), "exit"];
  return names.map((name, i) => {
    const [a, b] = [bounds[i]!, bounds[i + 1]!];
    const inside = m.rssSamples.filter(([t]) => t >= a && t <= b).map(([, r]) => r);
    return { name: `-> ${name}`, sec: (b - a) / 1000, peakRssMb: inside.length ? Math.max(...inside) : NaN };
  });
}

/** Marks in the CLI's stderr: the experiment is created once the log is imported. */
export const CLI_MARKS = { created: /experiment \S+: \d+ of \d+ case/ };

/** The CLI run in four stretches: import + create, load the cells, the calls (as the stub saw them), report + exit. */
export function cliPhases(m: Measured, firstCallStart: number, lastCallEnd: number): Phase[] {
  const created = m.times.marks.created ?? m.times.start;
  return phases(m, [
    ["experiment created (log read, cases stored)", created],
    ["first model call starts", firstCallStart],
    ["last model call ends", lastCallEnd],
  ]).map((p, i) => (i === 3 ? { ...p, name: "-> exit (report, shutdown)" } : p));
}
