// Runs once when the server starts: runs that were going when the server stopped (crash, restart, deploy) are
// resumed from the database, so a run never depends on a browser or a request staying open.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.TRADEOFF_RESUME_ON_START === "off") return;
  const { resumeInterruptedRuns } = await import("@/lib/runner/resume");
  await resumeInterruptedRuns().catch((err: unknown) => console.error("[tradeoff] could not resume runs:", err instanceof Error ? err.message : err));
}
