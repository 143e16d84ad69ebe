// promptfoo 0.121.20 (the last line that runs on Node 20), fetched once by npx from the npm registry, then run as the
// process npx would start (node <npx cache>/node_modules/promptfoo/dist/src/entrypoint.js) so npm's own wrapper process
// is not counted against it. Config: one openai:chat provider per stub model, the prompt as a single {{prompt}} var.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { runSync } from "./proc";
import type { StubModel } from "./services";

export const PROMPTFOO_VERSION = "0.121.20";

export const promptfooEnv = (configDir: string) => ({
  PROMPTFOO_DISABLE_TELEMETRY: "1",
  PROMPTFOO_DISABLE_UPDATE: "1",
  PROMPTFOO_DISABLE_SHARING: "1",
  PROMPTFOO_DISABLE_REMOTE_GENERATION: "1",
  PROMPTFOO_CONFIG_DIR: configDir,
  // Its per-run debug log file otherwise crashes promptfoo at exit ("write after end" in winston) after a large eval;
  // without it promptfoo also does less I/O, so this only favours it.
  PROMPTFOO_DISABLE_DEBUG_LOG: "1",
  OPENAI_API_KEY: "none",
});

/** The entrypoint of promptfoo@0.121.20 in npx's cache, installing it with npx first if needed. */
export function promptfooEntrypoint(configDir: string): string {
  const cache = process.env.npm_config_cache ?? path.join(homedir(), ".npm");
  const find = () => {
    const npx = path.join(cache, "_npx");
    if (!existsSync(npx)) return null;
    for (const d of readdirSync(npx)) {
      const pkg = path.join(npx, d, "node_modules", "promptfoo", "package.json");
      if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version === PROMPTFOO_VERSION) {
        return path.join(path.dirname(pkg), "dist", "src", "entrypoint.js");
      }
    }
    return null;
  };
  const found = find();
  if (found) return found;
  runSync("npx", ["-y", `promptfoo@${PROMPTFOO_VERSION}`, "--version"], promptfooEnv(configDir));
  const installed = find();
  if (!installed) throw new Error(`promptfoo@${PROMPTFOO_VERSION} not found in ${cache}/_npx after npx installed it`);
  return installed;
}

/** config.yaml (JSON is YAML) for `promptfoo eval`: every prompt x every model, no assertions (no judging). */
export function writePromptfooConfig(file: string, prompts: string[], models: StubModel[], apiBaseUrl: string, headers: Record<string, string> = {}): void {
  const config = {
    description: "tradeoff benchmark",
    prompts: ["{{prompt}}"],
    providers: models.map((m) => ({ id: `openai:chat:${m.upstream}`, label: m.slug, config: { apiBaseUrl, apiKey: "none", headers } })),
    tests: prompts.map((prompt) => ({ vars: { prompt } })),
  };
  writeFileSync(file, JSON.stringify(config));
}

export function promptfooArgs(entrypoint: string, config: string, out: string, concurrency: number): string[] {
  return [entrypoint, "eval", "-c", config, "--no-cache", "-j", String(concurrency), "--no-progress-bar", "--no-write", "-o", out];
}

/** Errored test cases in promptfoo's -o JSON, with up to three distinct messages. */
export function promptfooErrors(outFile: string): { count: number; messages: string[] } {
  const out = JSON.parse(readFileSync(outFile, "utf8")) as { results?: { results?: { error?: string | null; success?: boolean }[] } };
  const errored = (out.results?.results ?? []).filter((r) => r.error);
  const messages = [...new Set(errored.map((r) => String(r.error).replace(/\s+/g, " ").slice(0, 160)))].slice(0, 3);
  return { count: errored.length, messages };
}
