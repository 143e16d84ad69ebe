// GET /api/share/[token]/cases — the explorer's cases for a shared report: same shape as the owner's API, scoped by the token.
import { AppError } from "@/lib/errors";
import { handler } from "@/lib/http";
import { listCasePage } from "@/lib/report/cases";
import { parseCasesQuery } from "@/lib/report/cases-query";
import { resolveShareToken } from "@/lib/share/resolve";

export const dynamic = "force-dynamic";

export const GET = handler(async (req: Request, ctx: { params: Promise<{ token: string }> }) => {
  const { token } = await ctx.params;
  // One answer for unknown, malformed, revoked and expired links; the experiment id never appears in the output.
  const link = token.length <= 200 ? await resolveShareToken(token) : null;
  if (!link) throw new AppError("not_found", "This link does not exist or is no longer shared.");
  const query = parseCasesQuery(new URL(req.url).searchParams);
  const page = await listCasePage(link.experimentId, query);
  return Response.json(page, { headers: { "cache-control": "private, no-store", "x-robots-tag": "noindex, nofollow" } });
});
