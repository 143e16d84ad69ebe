// npm run app — from a clean clone: install, generate, migrate, build, then start the Portkey gateway and the app.
// Embedded defaults: SQLite in ./data, the open-source gateway on :8787, demo models when no provider key is set.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ensureDeps, gatewayArgs, root, run, start, waitFor } from "./lib/procs.mjs";

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const port = Number(process.env.PORT ?? 3000);
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 8787);
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.PORTKEY_GATEWAY_URL ??= `http://127.0.0.1:${gatewayPort}/v1`;

ensureDeps();
run("node", ["scripts/prisma-generate.mjs"]);
run("node", ["scripts/db-migrate.mjs"]);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}
const buildId = path.join(root, ".next", "BUILD_ID");
const sources = Math.max(...["app", "components", "lib"].map((d) => newestMtime(path.join(root, d))));
if (!existsSync(buildId) || statSync(buildId).mtimeMs < sources || process.argv.includes("--rebuild")) {
  console.log("▸ Building the app (next build)…");
  run("node", [nextBin, "build"]);
}

const children = [];
const stopAll = () => { for (const c of children) c.kill("SIGTERM"); process.exit(0); };
process.on("SIGINT", stopAll);
process.on("SIGTERM", stopAll);

console.log(`▸ Starting the Portkey gateway on :${gatewayPort}…`);
children.push(start("gateway", "node", gatewayArgs(gatewayPort)));
await waitFor(`http://127.0.0.1:${gatewayPort}/`, { name: "Portkey gateway" });
console.log(`▸ Starting Tradeoff on :${port}…`);
children.push(start("app", "node", [nextBin, "start", "-p", String(port), "-H", process.env.HOST ?? "127.0.0.1"]));
await waitFor(`http://127.0.0.1:${port}/api/health`, { name: "Tradeoff", timeoutMs: 90_000 });
console.log(`\n✔ Tradeoff is running: http://127.0.0.1:${port}/compare  (Ctrl+C stops it)\n`);
for (const c of children) c.on("exit", (code) => { console.error(`a service exited (${code}); stopping`); stopAll(); });
