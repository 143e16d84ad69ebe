import "server-only";
import { AppError } from "@/lib/errors";
import { getModelBySlug, type ModelRow } from "@/lib/db/models";
import { slugSchema } from "@/lib/schemas/compare";

/** Route param -> the model row, or a 404 naming the slug. */
export async function modelFromParams(ctx: { params: Promise<{ slug: string }> }): Promise<ModelRow> {
  const { slug } = await ctx.params;
  const parsed = slugSchema.safeParse(slug);
  const row = parsed.success ? await getModelBySlug(parsed.data) : null;
  if (!row) throw new AppError("not_found", `No model with slug "${String(slug).slice(0, 100)}".`);
  return row;
}
