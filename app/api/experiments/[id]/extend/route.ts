// POST /api/experiments/[id]/extend — add {count} more cases from the same log and run them.
import { experimentIdFrom } from "@/lib/experiments/params";
import { handler, readJson } from "@/lib/http";
import { extendReplay } from "@/lib/replay/from-log";
import { startRun } from "@/lib/runner/registry";
import { extendSchema } from "@/lib/schemas/replay";

export const dynamic = "force-dynamic";

export const POST = handler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = await experimentIdFrom(ctx);
  const { count } = extendSchema.parse(await readJson(req, 1024));
  const result = await extendReplay(id, count);
  startRun(id);
  return Response.json(result);
});
