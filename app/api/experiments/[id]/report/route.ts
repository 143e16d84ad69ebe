// GET /api/experiments/[id]/report — per-model aggregates and the recommendation, computed from the stored cells.
import { AppError } from "@/lib/errors";
import { experimentIdFrom } from "@/lib/experiments/params";
import { handler } from "@/lib/http";
import { computeReport } from "@/lib/report/store";

export const dynamic = "force-dynamic";

export const GET = handler(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = await experimentIdFrom(ctx);
  const report = await computeReport(id);
  if (!report) throw new AppError("not_found", "No experiment with this id.");
  return Response.json(report);
});
