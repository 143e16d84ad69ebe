// POST /api/experiments/[id]/run — start or resume a run in the background; {"retryFailed": true} re-runs failed cells.
import { z } from "zod";
import { getExperiment } from "@/lib/db/experiments";
import { AppError } from "@/lib/errors";
import { experimentIdFrom } from "@/lib/experiments/params";
import { handler } from "@/lib/http";
import { startRun } from "@/lib/runner/registry";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ retryFailed: z.boolean({ message: "retryFailed must be true or false" }).optional() }).strict();

export const POST = handler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = await experimentIdFrom(ctx);
  const text = await req.text();
  if (text.length > 1024) throw new AppError("payload_too_large", "The request body is too large.");
  let raw: unknown = {};
  if (text.trim()) {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError("bad_request", "The request body is not valid JSON.");
    }
  }
  const body = bodySchema.parse(raw);
  if (!(await getExperiment(id))) throw new AppError("not_found", "No experiment with this id.");
  const { started } = startRun(id, { retryFailed: body.retryFailed });
  return Response.json({ id, started, alreadyRunning: !started }, { status: started ? 202 : 200 });
});
