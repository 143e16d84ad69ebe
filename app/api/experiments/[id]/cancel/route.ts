// POST /api/experiments/[id]/cancel — stop a running experiment; finished cells are kept, the rest stay pending.
import { getExperiment, setExperimentStatus } from "@/lib/db/experiments";
import { AppError } from "@/lib/errors";
import { experimentIdFrom } from "@/lib/experiments/params";
import { handler } from "@/lib/http";
import { cancelRun } from "@/lib/runner/registry";

export const dynamic = "force-dynamic";

export const POST = handler(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = await experimentIdFrom(ctx);
  const exp = await getExperiment(id);
  if (!exp) throw new AppError("not_found", "No experiment with this id.");
  const cancelled = cancelRun(id);
  if (!cancelled && (exp.status === "running" || exp.status === "queued")) await setExperimentStatus(id, "cancelled");
  return Response.json({ id, cancelled: cancelled || exp.status === "running" || exp.status === "queued" });
});
