// DELETE /api/experiments/[id]/share/[linkId] — revoke a share link of this experiment (idempotent).
import { experimentIdFrom } from "@/lib/experiments/params";
import { handler } from "@/lib/http";
import { revokeShareLinkOfExperiment } from "@/lib/share/links";

export const dynamic = "force-dynamic";

export const DELETE = handler(async (_req: Request, ctx: { params: Promise<{ id: string; linkId: string }> }) => {
  const id = await experimentIdFrom(ctx);
  const { linkId } = await ctx.params;
  await revokeShareLinkOfExperiment(id, linkId);
  return Response.json({ revoked: true });
});
