// Playwright's web server: a fresh migrated SQLite database, then `next start` pointed at the test gateway.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { root, run, start } from "./lib/procs.mjs";

const db = path.join(root, "data", process.env.E2E_DB ?? "e2e.db");
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(db + suffix, { force: true });
process.env.DATABASE_URL = `file:${db}`;
run("node", ["scripts/db-migrate.mjs"]);
const port = process.env.PORT ?? "3100";
// The server's output is also kept in a file so the secrets test can check that no key ever reached the log.
mkdirSync(path.join(root, ".tmp"), { recursive: true });
const logFile = path.join(root, ".tmp", `e2e-server-${port}.log`);
rmSync(logFile, { force: true });
const child = start("app", "node", [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", port, "-H", "127.0.0.1"], {}, logFile);
const stop = () => { child.kill("SIGTERM"); process.exit(0); };
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
