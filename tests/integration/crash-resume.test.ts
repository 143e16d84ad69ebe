import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { experimentCells } from "@/lib/db/responses";
import { listCases } from "@/lib/db/experiments";
import { stubLog, stubLogMark, stubModel } from "./helpers";

// Kill -9 in the middle of a CLI replay of 600 cells, resume, and check against the stub's own request log that no
// finished cell was bought twice and that every cell ends done or failed with a reason.

const root = path.resolve(__dirname, "..", "..");
const env = inject("itEnv");
const CASES = 200;
const CONCURRENCY = 16;

function cli(args: string[]) {
  // One process (node with tsx as a loader, not the tsx wrapper that forks a child), so SIGKILL hits the engine itself.
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/cli.ts"), ...args], {
    cwd: root,
    env: { ...process.env, ...env, TRADEOFF_RESUME_ON_START: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const MODELS: Record<string, [provider: "openai" | "anthropic", directives: string, price: [number, number]]> = {
  "crash-base": ["openai", "latency=40,usage=30/30,quality=0.9", [1, 1]],
  "crash-a": ["openai", "latency=40,usage=30/30,quality=0.88", [0.5, 0.5]],
  "crash-b": ["anthropic", "latency=40,usage=30/30,quality=0.7", [0.2, 0.2]],
};

beforeAll(async () => {
  for (const [slug, [provider, directives, price]] of Object.entries(MODELS)) await stubModel(slug, provider, directives, price);
});

describe("crash and resume", () => {
  it("resumes after SIGKILL without buying a finished cell twice", { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tradeoff-crash-"));
    const log = path.join(dir, "log.jsonl");
    writeFileSync(log, Array.from({ length: CASES }, (_, i) => JSON.stringify({ messages: [{ role: "user", content: `Crash case ${i} [[case:c${i}]]` }] })).join("\n"));
    const mark = await stubLogMark();
    const ours = Object.values(MODELS).map(([, d]) => `stub:${d}`);

    const first = cli(["replay", log, "--baseline", "crash-base", "--candidates", "crash-a,crash-b", "--concurrency", String(CONCURRENCY)]);
    let stderr = "";
    first.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const id = await new Promise<string>((resolve, reject) => {
      const t = setInterval(() => {
        const m = stderr.match(/experiment (\w+):/);
        if (m) {
          clearInterval(t);
          resolve(m[1]!);
        }
      }, 20);
      first.on("exit", (code) => reject(new Error(`CLI exited early (${code}): ${stderr}`)));
    });
    // Let part of the run finish, then kill -9.
    for (;;) {
      const answered = (await stubLog(mark, ours)).filter((l) => l.caseTag && l.status === 200).length;
      if (answered >= 150) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    first.kill("SIGKILL");
    await new Promise((r) => first.on("exit", r));
    const atCrash = await experimentCells(id);
    const tagOf = new Map((await listCases(id, { limit: CASES })).map((c) => [c.id, String((c.messages as { content: string }[])[0]!.content.match(/\[\[case:(\w+)\]\]/)![1])]));
    const keyOf = (slug: string, caseId: string) => `stub:${MODELS[slug]![1]}|${tagOf.get(caseId)}`;
    const doneAtCrash = new Set(atCrash.filter((c) => c.status === "done").map((c) => keyOf(c.modelSlug, c.caseId)));
    expect(doneAtCrash.size).toBeGreaterThan(0);
    expect(doneAtCrash.size).toBeLessThan(CASES * 3);

    const second = cli(["resume", id]);
    let out = "";
    second.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const code = await new Promise((r) => second.on("exit", r));
    expect(code).toBe(0);
    expect(JSON.parse(out).baseline_model).toBe("crash-base");

    const cells = await experimentCells(id);
    expect(cells).toHaveLength(CASES * 3);
    for (const c of cells) {
      expect(["done", "failed"]).toContain(c.status);
      if (c.status === "failed") expect(c.error).toBeTruthy();
    }
    // From the stub's log: calls per cell. A cell finished before the crash is never called again; a cell in flight at
    // the crash is called again at most once.
    const calls = new Map<string, number>();
    for (const l of await stubLog(mark, ours)) if (l.caseTag) calls.set(`${l.model}|${l.caseTag}`, (calls.get(`${l.model}|${l.caseTag}`) ?? 0) + 1);
    const twice = [...calls.values()].filter((n) => n === 2).length;
    expect(Math.max(...calls.values())).toBeLessThanOrEqual(2);
    expect(twice).toBeLessThanOrEqual(CONCURRENCY);
    expect(calls.size).toBe(CASES * 3);
    for (const key of doneAtCrash) expect(calls.get(key), key).toBe(1);
  });
});
