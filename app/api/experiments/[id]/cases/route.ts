// GET /api/experiments/[id]/cases — one page of cases with their cells (?offset=&limit≤100&filter=&q=&model=), for the explorer.
import { experimentIdFrom } from "@/lib/experiments/params";
import { handler } from "@/lib/http";
import { listCasePage } from "@/lib/report/cases";
import { parseCasesQuery } from "@/lib/report/cases-query";

export const dynamic = "force-dynamic";

export const GET = handler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = await experimentIdFrom(ctx);
  const query = parseCasesQuery(new URL(req.url).searchParams);
  return Response.json(await listCasePage(id, query), { headers: { "cache-control": "no-store" } });
});
