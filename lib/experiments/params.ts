import { AppError } from "@/lib/errors";
import { experimentIdSchema } from "@/lib/schemas/experiment";

/** Route param -> experiment id, or a 404 (ids are opaque; a malformed one names no experiment). */
export async function experimentIdFrom(ctx: { params: Promise<{ id: string }> }): Promise<string> {
  const { id } = await ctx.params;
  const parsed = experimentIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError("not_found", "No experiment with this id.");
  return parsed.data;
}
