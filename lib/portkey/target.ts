// A model as the Portkey path needs it. Pure: the environment is passed in, so this is testable and secret-free
// until call time (keys are looked up by variable name in call.ts, never stored here).

export type ModelKind = "provider" | "demo" | "custom";

export interface ModelTarget {
  slug: string;
  label: string;
  kind: ModelKind;
  /** Portkey provider id: openai, anthropic, together-ai, mistral-ai, cohere, google, ... */
  provider: string;
  upstreamModel: string;
  /** OpenAI-compatible base URL for custom models (and the app's own demo upstream). */
  customHost?: string | null;
  /** Name of the server environment variable that holds this model's key. */
  keyEnv?: string | null;
}

/** Env var that names a hosted-Portkey provider slug, e.g. PORTKEY_PROVIDER_OPENAI=@openai-prod. */
export function hostedProviderEnvName(provider: string): string {
  return `PORTKEY_PROVIDER_${provider.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

export type Connection =
  | { connected: true; via: "local-gateway" | "hosted-portkey"; note: string }
  | { connected: false; via: "local-gateway" | "hosted-portkey"; note: string };

/** Whether a call to this model can be made, and how: shown on /models and used to refuse calls early. */
export function connectionOf(
  target: ModelTarget,
  opts: { hosted: boolean; demoEnabled: boolean; has: (envName: string) => boolean },
): Connection {
  if (target.kind === "demo") {
    return opts.demoEnabled
      ? { connected: true, via: "local-gateway", note: "Simulated model served by this app" }
      : { connected: false, via: "local-gateway", note: "Demo models are switched off (TRADEOFF_DEMO_MODELS=off)" };
  }
  if (target.kind === "custom") {
    return { connected: true, via: "local-gateway", note: `Custom OpenAI-compatible endpoint ${target.customHost ?? ""}`.trim() };
  }
  if (opts.hosted) {
    const name = hostedProviderEnvName(target.provider);
    return opts.has(name)
      ? { connected: true, via: "hosted-portkey", note: `Hosted Portkey, provider from ${name}` }
      : { connected: false, via: "hosted-portkey", note: `Set ${name} to the Portkey provider slug (e.g. @${target.provider}-prod)` };
  }
  const keyEnv = target.keyEnv;
  return keyEnv && opts.has(keyEnv)
    ? { connected: true, via: "local-gateway", note: `Key from ${keyEnv}` }
    : { connected: false, via: "local-gateway", note: keyEnv ? `Set ${keyEnv} on the server to use this model` : "No key configured" };
}
