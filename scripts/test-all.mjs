// npm test — the whole suite from a clean clone: install, generate, typecheck, unit + integration tests (Vitest,
// against the real Portkey gateway and our stub upstream), production build, then the browser tests (Playwright).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ensureDeps, root, run } from "./lib/procs.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const out = path.join(root, ".tmp");
mkdirSync(out, { recursive: true });
const started = Date.now();

ensureDeps();
run("node", ["scripts/prisma-generate.mjs"]);
console.log("▸ Typecheck");
run("npx", ["tsc", "--noEmit"]);

function step(name, cmd, args, env = {}) {
  console.log(`▸ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return r.status === 0;
}

const vitestJson = path.join(out, "vitest.json");
const unitOk = step("Unit + integration tests (Vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);

let e2eOk = false;
const pwJson = path.join(out, "playwright.json");
// The build runs with the browser tests' fake keys set, so the secrets test can prove none is inlined in the bundle.
const fakeSecrets = Object.fromEntries(
  [...readFileSync(path.join(root, "e2e", "fake-secrets.ts"), "utf8").matchAll(/^\s+([A-Z_]+): "([^"]+)",$/gm)].map((m) => [m[1], m[2]]),
);
if (step("Production build", "npx", ["next", "build"], fakeSecrets)) {
  e2eOk = step("Browser tests (Playwright)", "npx", ["playwright", "test"]);
}

function counts(file, pick) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  try {
    return pick(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}
const v = counts(vitestJson, (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests }));
const p = counts(pwJson, (j) => ({ passed: j.stats.expected, failed: j.stats.unexpected, skipped: j.stats.skipped }));
const failed = v.failed + p.failed + (unitOk ? 0 : v.failed ? 0 : 1) + (e2eOk ? 0 : p.failed ? 0 : 1);
console.log(`\nVitest: ${v.passed} passed, ${v.failed} failed; Playwright: ${p.passed} passed, ${p.failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
console.log(`tests: ${v.passed + p.passed} passed, ${failed} failed`);
process.exit(unitOk && e2eOk ? 0 : 1);
