// GET /api/experiments/[id] — the experiment with progress, its recommendation and (up to 2,000) cells.
import { experimentIdFrom } from "@/lib/experiments/params";
import { experimentView } from "@/lib/experiments/view";
import { handler } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = handler(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = await experimentIdFrom(ctx);
  return Response.json({ experiment: await experimentView(id, { cells: true }) });
});
