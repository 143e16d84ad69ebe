// POST /api/imports/[id]/inspect — rescan an uploaded log with a format and/or CSV column mapping.
import { handler, readJson } from "@/lib/http";
import { inspectUpload } from "@/lib/replay/uploads";
import { inspectSchema } from "@/lib/schemas/replay";
import { uploadIdFrom } from "@/lib/uploads/params";

export const dynamic = "force-dynamic";

export const POST = handler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = await uploadIdFrom(ctx);
  const body = inspectSchema.parse(await readJson(req, 64 * 1024));
  return Response.json({ import: await inspectUpload(id, body) });
});
