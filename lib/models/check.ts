import "server-only";
import { AppError } from "@/lib/errors";
import { getModelsBySlugs } from "@/lib/db/models";
import { modelInfo, type ModelInfo } from "./status";

/** Every slug must name a known, connected model; otherwise a 422 naming the field (e.g. "models.1"). */
export async function checkModels(slugs: string[], field: string): Promise<Map<string, ModelInfo>> {
  const rows = await getModelsBySlugs(slugs);
  const fields: Record<string, string> = {};
  const infos = new Map<string, ModelInfo>();
  slugs.forEach((slug, i) => {
    const row = rows.get(slug);
    const key = field === "baseline" || field === "judge" ? field : `${field}.${i}`;
    if (!row) fields[key] = `unknown model "${slug}"`;
    else {
      const info = modelInfo(row);
      if (!info.connection.connected) fields[key] = `${info.label} is not connected: ${info.connection.note}`;
      infos.set(slug, info);
    }
  });
  if (Object.keys(fields).length) {
    throw new AppError("validation_failed", `Invalid request — ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; ")}`, fields);
  }
  return infos;
}

