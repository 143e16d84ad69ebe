// Child processes for the benchmarks: each one is started in its own process group, remembered, and stopped by its
// own id at the end (or on Ctrl+C), so a benchmark never leaves a server running.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..", "..");

export interface Proc {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything the process printed, stdout and stderr interleaved (last 200 KB). */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<Proc>();

export function startProc(name: string, cmd: string, args: string[], env: Record<string, string | undefined> = {}): Proc {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  if (child.pid === undefined) throw new Error(`${name}: could not start ${cmd}`);
  let out = "";
  const keep = (d: Buffer) => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(-200_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const proc: Proc = {
    name,
    pid: child.pid,
    child,
    exited,
    output: () => out,
    async stop() {
      running.delete(proc);
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child.pid!, "SIGTERM");
      const timer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
  exited.then(() => running.delete(proc));
  running.add(proc);
  return proc;
}

function signalGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig); // the group this child leads (detached), so its own children go too
  } catch {
    try {
      process.kill(pid, sig);
    } catch {}
  }
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()));
}

process.once("SIGINT", () => {
  void stopAll().then(() => process.exit(130));
});

/** Runs a command to completion (for one-off steps such as migrations); throws with its output on failure. */
export function runSync(cmd: string, args: string[], env: Record<string, string | undefined> = {}): string {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export async function waitHttp(url: string, timeoutMs = 60_000, proc?: Proc): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${proc.name} exited early:\n${proc.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s${proc ? `\n${proc.output()}` : ""}`);
}

const cleanups: (() => void)[] = [];

/** Something to undo once every process is stopped (e.g. delete a database file the app had open). */
export function afterStop(fn: () => void): void {
  cleanups.push(fn);
}

/** Runs `main`, then stops every process it started and runs the cleanups, whatever happened. */
export function runBench(main: () => Promise<void>): void {
  const finish = async (code: number) => {
    await stopAll();
    for (const fn of cleanups) {
      try {
        fn();
      } catch {}
    }
    process.exit(code);
  };
  main().then(
    () => finish(0),
    (err: unknown) => {
      console.error(err);
      return finish(1);
    },
  );
}
