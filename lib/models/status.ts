import "server-only";
import { env, portkeyMode } from "@/lib/env";
import { listModels, type ModelRow, toTarget } from "@/lib/db/models";
import { connectionOf, type Connection } from "@/lib/portkey/target";
import { priceForRow } from "@/lib/runner/prices";
import type { ModelPrice } from "@/lib/domain/types";

// What the browser may know about a model: never a key, only whether one is configured.

export interface ModelInfo {
  slug: string;
  label: string;
  kind: ModelRow["kind"];
  provider: string;
  upstreamModel: string;
  customHost: string | null;
  connection: Connection;
  price: ModelPrice | null;
  priceOverridden: boolean;
  typicalCompletionTokens: number;
}

export function demoEnabled(): boolean {
  return env().TRADEOFF_DEMO_MODELS !== "off";
}

export function modelInfo(row: ModelRow): ModelInfo {
  const connection = connectionOf(toTarget(row), {
    hosted: portkeyMode() === "hosted",
    demoEnabled: demoEnabled(),
    has: (name) => Boolean(process.env[name]?.trim()),
  });
  return {
    slug: row.slug,
    label: row.label,
    kind: row.kind,
    provider: row.provider,
    upstreamModel: row.upstreamModel,
    customHost: row.kind === "custom" ? row.customHost : null,
    connection,
    price: priceForRow(row),
    priceOverridden: row.inputPerToken !== null,
    typicalCompletionTokens: row.typicalCompletionTokens,
  };
}

export async function listModelInfo(): Promise<ModelInfo[]> {
  return (await listModels()).map(modelInfo);
}
