/** Route param -> upload id (validated later by uploadPath, which answers 404 for anything that names no upload). */
export async function uploadIdFrom(ctx: { params: Promise<{ id: string }> }): Promise<string> {
  return (await ctx.params).id;
}
