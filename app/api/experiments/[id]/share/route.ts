// POST /api/experiments/[id]/share — create a share link (its token is in this answer only); GET — list the links.
import { experimentIdFrom } from "@/lib/experiments/params";
import { handler, readJson } from "@/lib/http";
import { createShareLinkForExperiment, listShareLinksForExperiment, parseCreateShareLinkBody } from "@/lib/share/links";

export const dynamic = "force-dynamic";

// The create answer carries a secret; nothing on the way should keep a copy.
const NO_STORE = { "cache-control": "no-store" };

export const POST = handler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = await experimentIdFrom(ctx);
  const body = parseCreateShareLinkBody(await readJson(req, 4 * 1024));
  const link = await createShareLinkForExperiment(id, body);
  return Response.json({ link }, { status: 201, headers: NO_STORE });
});

export const GET = handler(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = await experimentIdFrom(ctx);
  return Response.json({ links: await listShareLinksForExperiment(id) }, { headers: NO_STORE });
});
