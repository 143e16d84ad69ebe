import "server-only";
import { z } from "zod";

// Server configuration, validated once. A bad value fails fast with the variable's name.
// Provider keys are read here and only here; they never leave the server process.

const intFromEnv = (def: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(def);

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/tradeoff.db")
    .refine((u) => /^file:|^postgres(ql)?:\/\//i.test(u), "must start with file: (SQLite) or postgresql://"),
  PORTKEY_API_KEY: z.string().min(1).optional(),
  PORTKEY_BASE_URL: z.url({ message: "must be a URL such as http://127.0.0.1:8787/v1" }).optional(),
  PORTKEY_GATEWAY_URL: z.url({ message: "must be a URL such as http://127.0.0.1:8787/v1" }).default("http://127.0.0.1:8787/v1"),
  TRADEOFF_DEMO_UPSTREAM: z.url({ message: "must be a URL such as http://127.0.0.1:3000/api/demo/v1" }).optional(),
  TRADEOFF_DEMO_MODELS: z.enum(["on", "off", "auto"]).default("auto"),
  TRADEOFF_REQUEST_TIMEOUT_MS: intFromEnv(60_000, 100, 600_000),
  TRADEOFF_RETRY_ATTEMPTS: intFromEnv(3, 0, 5),
  TRADEOFF_MAX_PROMPT_CHARS: intFromEnv(200_000, 1_000, 2_000_000),
  PORT: intFromEnv(3000, 1, 65_535),
});

export type ServerEnv = z.infer<typeof EnvSchema>;

let cached: ServerEnv | undefined;

/** Validates a set of variables; throws one error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function env(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Hosted Portkey when a Portkey API key is set; otherwise the local open-source gateway. */
export function portkeyMode(): "hosted" | "self-hosted" {
  return env().PORTKEY_API_KEY ? "hosted" : "self-hosted";
}

/** Where the SDK sends requests for provider models. */
export function gatewayBaseUrl(): string {
  const e = env();
  if (e.PORTKEY_BASE_URL) return e.PORTKEY_BASE_URL;
  return e.PORTKEY_API_KEY ? "https://api.portkey.ai/v1" : e.PORTKEY_GATEWAY_URL;
}

/** The simulated models' upstream, as the local gateway reaches it (served by this app under /api/demo). */
export function demoUpstreamUrl(): string {
  return env().TRADEOFF_DEMO_UPSTREAM ?? `http://127.0.0.1:${env().PORT}/api/demo/v1`;
}

/** A provider key from the server environment, by variable name. Never logged, stored or sent to the browser. */
export function secretFromEnv(name: string | null | undefined): string | undefined {
  if (!name || !/^[A-Z][A-Z0-9_]*$/.test(name)) return undefined;
  const v = process.env[name];
  return v && v.trim() ? v.trim() : undefined;
}

/** Names of all secret-bearing variables currently set, for log scrubbing and tests. */
export function secretValues(): string[] {
  return Object.entries(process.env)
    .filter(([k, v]) => v && /(_API_KEY|_TOKEN|_SECRET|_PEPPER|PASSWORD)$/.test(k))
    .map(([, v]) => v as string)
    .filter((v) => v.length >= 8);
}
