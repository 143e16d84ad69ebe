// GET /api/models — the catalog with prices and connection state; POST /api/models — add a custom OpenAI-compatible model.
import { AppError } from "@/lib/errors";
import { createCustomModel, modelExists } from "@/lib/db/models";
import { handler, readJson } from "@/lib/http";
import { listModelInfo, modelInfo } from "@/lib/models/status";
import { customModelSchema } from "@/lib/schemas/models";

export const dynamic = "force-dynamic";

export const GET = handler(async () => Response.json({ models: await listModelInfo() }));

export const POST = handler(async (req: Request) => {
  const input = customModelSchema.parse(await readJson(req, 16 * 1024));
  if (await modelExists(input.slug)) throw new AppError("conflict", `A model with slug "${input.slug}" already exists.`, { slug: "already taken" });
  const row = await createCustomModel({ ...input, keyEnv: input.keyEnv ?? null, provider: "openai" });
  return Response.json({ model: modelInfo(row) }, { status: 201 });
});
