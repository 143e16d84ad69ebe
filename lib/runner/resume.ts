import "server-only";
import { listExperiments } from "@/lib/db/experiments";
import { logInfo } from "@/lib/log";
import { startRun } from "./registry";

/** Restarts every experiment left running or queued (their unfinished cells only; finished ones are never re-bought). */
export async function resumeInterruptedRuns(): Promise<string[]> {
  const rows = [...(await listExperiments({ status: "running", take: 1000 })), ...(await listExperiments({ status: "queued", take: 1000 }))];
  for (const r of rows) startRun(r.id);
  if (rows.length) logInfo(`resumed ${rows.length} interrupted run(s)`);
  return rows.map((r) => r.id);
}
