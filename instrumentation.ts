// Runs once when the server starts. The configuration is validated first, so a bad variable stops the server with
// its name instead of failing later inside a request. Then runs that were going when the server stopped (crash,
// restart, deploy) are resumed from the database: a run never depends on a browser or a request staying open.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  env();
  if (process.env.TRADEOFF_RESUME_ON_START === "off") return;
  const { resumeInterruptedRuns } = await import("@/lib/runner/resume");
  await resumeInterruptedRuns().catch((err: unknown) => console.error("[tradeoff] could not resume runs:", err instanceof Error ? err.message : err));
}
