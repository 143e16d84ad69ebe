// Small helpers for the start and test scripts: install deps when needed, spawn children, wait for readiness.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...opts.env } });
  if (r.status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

/** npm ci when node_modules is missing or older than package-lock.json. */
export function ensureDeps() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log("▸ Installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

export function start(name, cmd, args, env = {}, logFile) {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (line) => `[${name}] ${line}`;
  const log = logFile ? createWriteStream(logFile, { flags: "a" }) : null;
  for (const stream of [child.stdout, child.stderr]) {
    let buf = "";
    stream.on("data", (d) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf("\n")) >= 0) {
        console.log(prefix(buf.slice(0, i)));
        log?.write(`${buf.slice(0, i)}\n`);
        buf = buf.slice(i + 1);
      }
    });
  }
  return child;
}

export async function waitFor(url, { timeoutMs = 60_000, name = url } = {}) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not become ready at ${url} within ${timeoutMs / 1000}s`);
}

export function gatewayArgs(port) {
  return [path.join(root, "node_modules", "@portkey-ai", "gateway", "build", "start-server.js"), `--port=${port}`, "--headless"];
}
