// POST /api/estimate — calls, tokens and cost of a run before it starts (nothing is called or stored).
import { estimateForRequest } from "@/lib/estimate/request";
import { handler, readJson } from "@/lib/http";
import { estimateRequestSchema } from "@/lib/schemas/estimate";

export const dynamic = "force-dynamic";

export const POST = handler(async (req: Request) => {
  const input = estimateRequestSchema.parse(await readJson(req, 24 * 1024 * 1024));
  return Response.json(await estimateForRequest(input));
});
