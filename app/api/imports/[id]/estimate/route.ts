// POST /api/imports/[id]/estimate — calls and estimated cost (models + judge) of replaying a sample of the log.
import { handler, readJson } from "@/lib/http";
import { estimateUpload } from "@/lib/replay/uploads";
import { replayEstimateSchema } from "@/lib/schemas/replay";
import { uploadIdFrom } from "@/lib/uploads/params";

export const dynamic = "force-dynamic";

export const POST = handler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = await uploadIdFrom(ctx);
  const body = replayEstimateSchema.parse(await readJson(req, 64 * 1024));
  return Response.json(await estimateUpload(id, { ...body, judge: body.judge ?? null }));
});
