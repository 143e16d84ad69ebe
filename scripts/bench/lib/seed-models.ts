// Creates stub-backed custom models in the database of DATABASE_URL, through the app's own lib/db functions.
// Run (needs the react-server condition for "server-only"):
//   DATABASE_URL=file:./data/bench-x.db node --conditions=react-server --import tsx scripts/bench/lib/seed-models.ts '<json>'
// json: {"baseUrl": "http://127.0.0.1:8816/v1", "models": [{"slug": "m1", "upstream": "stub:latency=100"}]}
import { createCustomModel, modelExists, setPriceOverride } from "@/lib/db/models";

interface Seed {
  baseUrl: string;
  models: { slug: string; upstream: string; price?: [number, number] }[];
}

async function main(): Promise<void> {
  const seed = JSON.parse(process.argv[2] ?? "{}") as Seed;
  for (const m of seed.models) {
    if (await modelExists(m.slug)) continue;
    await createCustomModel({ slug: m.slug, label: m.slug, baseUrl: seed.baseUrl, upstreamModel: m.upstream, keyEnv: null, provider: "openai" });
    const [input, output] = m.price ?? [0.15, 0.6];
    await setPriceOverride(m.slug, { inputPerToken: input / 1e6, outputPerToken: output / 1e6, cachedInputPerToken: null, source: "benchmark", date: "2026-01-01" });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
