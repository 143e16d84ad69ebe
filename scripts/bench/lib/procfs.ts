// Memory and CPU of processes, read from /proc (Linux): peak RSS of one process or of a whole process tree, and CPU
// seconds spent, polled while a benchmark runs.
import { readdirSync, readFileSync } from "node:fs";

const CLK_TCK = 100; // USER_HZ; 100 on every Linux this runs on (getconf CLK_TCK)

interface Stat {
  pid: number;
  ppid: number;
  cpuSec: number;
  rssKb: number;
}

function readStat(pid: number): Stat | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may contain spaces.
    const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
    const ppid = Number(f[1]);
    const cpuSec = (Number(f[11]) + Number(f[12])) / CLK_TCK; // utime + stime
    const rssKb = Number(f[21]) * 4; // pages of 4 KiB
    return { pid, ppid, cpuSec, rssKb };
  } catch {
    return null;
  }
}

/** VmHWM (the kernel's own peak RSS of the process) in KiB, or null when the process is gone. */
export function vmHwmKb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export function cpuSeconds(pid: number): number {
  return readStat(pid)?.cpuSec ?? 0;
}

/** The process and all its descendants. */
export function processTree(root: number): Stat[] {
  const all: Stat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const st = readStat(Number(name));
    if (st) all.push(st);
  }
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of all) {
      if (!inTree.has(s.pid) && inTree.has(s.ppid)) {
        inTree.add(s.pid);
        grew = true;
      }
    }
  }
  return all.filter((s) => inTree.has(s.pid));
}

export interface TreeUsage {
  /** Highest sum of RSS over the tree seen by the poller, MiB. */
  peakTreeRssMb: number;
  /** Highest VmHWM of any single process in the tree, MiB (the kernel's exact peak, not sampled). */
  peakProcessHwmMb: number;
  /** CPU seconds of every process seen in the tree (last value read before it exited). */
  cpuSec: number;
  /** [epoch ms, summed tree RSS in MiB] at every poll. */
  samples: [number, number][];
}

/** Polls a process tree every `everyMs` until stop() is called. */
export function watchTree(root: number, everyMs = 100): { stop(): TreeUsage } {
  let peakTree = 0;
  let peakHwm = 0;
  const cpu = new Map<number, number>();
  const samples: [number, number][] = [];
  const poll = () => {
    const tree = processTree(root);
    const rssKb = tree.reduce((a, s) => a + s.rssKb, 0);
    peakTree = Math.max(peakTree, rssKb);
    samples.push([Date.now(), rssKb / 1024]);
    for (const s of tree) {
      cpu.set(s.pid, s.cpuSec);
      peakHwm = Math.max(peakHwm, vmHwmKb(s.pid) ?? 0);
    }
  };
  poll();
  const timer = setInterval(poll, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const sum = [...cpu.values()].reduce((a, b) => a + b, 0);
      return { peakTreeRssMb: peakTree / 1024, peakProcessHwmMb: peakHwm / 1024, cpuSec: sum, samples };
    },
  };
}
