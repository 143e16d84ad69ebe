// POST /api/imports — upload a prompt log (raw body; name in ?name= or x-file-name): streamed to disk, then scanned.
import { AppError } from "@/lib/errors";
import { handler } from "@/lib/http";
import { inspectUpload } from "@/lib/replay/uploads";
import { saveUpload } from "@/lib/uploads/store";

export const dynamic = "force-dynamic";

export const POST = handler(async (req: Request) => {
  if (!req.body) throw new AppError("bad_request", "Send the log file as the request body.");
  const name = new URL(req.url).searchParams.get("name") ?? req.headers.get("x-file-name") ?? "log";
  const saved = await saveUpload(req.body, name);
  return Response.json({ import: await inspectUpload(saved.id) }, { status: 201 });
});
