import type { ModelPrice } from "@/lib/domain/types";
import { resolvePrice } from "@/lib/pricing";
import type { ModelRow } from "@/lib/db/models";

/** A model's price: the user's override when set, else the price table, else null (unknown — never 0). */
export function priceForRow(row: Pick<ModelRow, "slug" | "inputPerToken" | "outputPerToken" | "cachedInputPerToken" | "priceSource" | "priceDate">): ModelPrice | null {
  if (row.inputPerToken !== null && row.outputPerToken !== null) {
    const override: ModelPrice = {
      inputPerToken: row.inputPerToken,
      outputPerToken: row.outputPerToken,
      cachedInputPerToken: row.cachedInputPerToken,
      currency: "USD",
      source: row.priceSource ?? "override",
      date: row.priceDate ?? "",
    };
    return resolvePrice(row.slug, { [row.slug]: override });
  }
  return resolvePrice(row.slug);
}
