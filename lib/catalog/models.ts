// The built-in model catalog. Users add custom OpenAI-compatible models in the database (see lib/db/models.ts).
// `provider` is the Portkey provider id; `upstreamModel` is the name the provider knows the model by.
// `pricing` names the entry of Portkey's open pricing catalog that prices it (see lib/pricing).

export type CatalogKind = "provider" | "demo";

export interface CatalogModel {
  slug: string;
  label: string;
  provider: string;
  upstreamModel: string;
  kind: CatalogKind;
  /** Environment variable holding the provider key in self-hosted mode. */
  keyEnv?: string;
  pricing?: { file: string; model: string };
  /** Typical answer length in tokens, for estimates before a run. */
  typicalCompletionTokens: number;
}

export const CATALOG: CatalogModel[] = [
  { slug: "gpt-4o-mini", label: "GPT-4o mini", provider: "openai", upstreamModel: "gpt-4o-mini", kind: "provider", keyEnv: "OPENAI_API_KEY", pricing: { file: "openai", model: "gpt-4o-mini" }, typicalCompletionTokens: 350 },
  { slug: "gpt-3.5-turbo", label: "GPT-3.5 Turbo", provider: "openai", upstreamModel: "gpt-3.5-turbo", kind: "provider", keyEnv: "OPENAI_API_KEY", pricing: { file: "openai", model: "gpt-3.5-turbo" }, typicalCompletionTokens: 250 },
  { slug: "claude-3.5-sonnet", label: "Claude 3.5 Sonnet", provider: "anthropic", upstreamModel: "claude-3-5-sonnet-20241022", kind: "provider", keyEnv: "ANTHROPIC_API_KEY", pricing: { file: "anthropic", model: "claude-3-5-sonnet-20241022" }, typicalCompletionTokens: 400 },
  { slug: "llama-3.3-70b", label: "Llama 3.3 70B (Together)", provider: "together-ai", upstreamModel: "meta-llama/Llama-3.3-70B-Instruct-Turbo", kind: "provider", keyEnv: "TOGETHER_API_KEY", pricing: { file: "together-ai", model: "meta-llama/Llama-3.3-70B-Instruct-Turbo" }, typicalCompletionTokens: 400 },
  { slug: "mistral-small", label: "Mistral Small", provider: "mistral-ai", upstreamModel: "mistral-small-latest", kind: "provider", keyEnv: "MISTRAL_API_KEY", pricing: { file: "mistral-ai", model: "mistral-small-latest" }, typicalCompletionTokens: 350 },
  { slug: "command-r", label: "Cohere Command R", provider: "cohere", upstreamModel: "command-r", kind: "provider", keyEnv: "COHERE_API_KEY", pricing: { file: "cohere", model: "command-r" }, typicalCompletionTokens: 300 },
  { slug: "gemini-2.0-flash", label: "Gemini 2.0 Flash", provider: "google", upstreamModel: "gemini-2.0-flash-001", kind: "provider", keyEnv: "GEMINI_API_KEY", pricing: { file: "google", model: "gemini-2.0-flash-001" }, typicalCompletionTokens: 400 },
  // Simulated models, served by the app itself in the OpenAI wire format and reached through the same gateway path.
  { slug: "demo-swift", label: "Demo · Swift (simulated)", provider: "openai", upstreamModel: "demo-swift", kind: "demo", typicalCompletionTokens: 120 },
  { slug: "demo-balanced", label: "Demo · Balanced (simulated)", provider: "openai", upstreamModel: "demo-balanced", kind: "demo", typicalCompletionTokens: 220 },
  { slug: "demo-premium", label: "Demo · Premium (simulated)", provider: "openai", upstreamModel: "demo-premium", kind: "demo", typicalCompletionTokens: 320 },
  { slug: "demo-judge", label: "Demo · Judge (simulated)", provider: "openai", upstreamModel: "demo-judge", kind: "demo", typicalCompletionTokens: 120 },
];

export function getCatalogModel(slug: string): CatalogModel | undefined {
  return CATALOG.find((m) => m.slug === slug);
}
