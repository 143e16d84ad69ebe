// The Portkey config sent with every call (x-portkey-config): the gateway retries 429/5xx with backoff and
// enforces the request timeout, so there is no hand-written retry loop anywhere in the app.

export const RETRY_STATUS_CODES = [429, 500, 502, 503, 504] as const;

export interface GatewayPolicy {
  retryAttempts: number;
  requestTimeoutMs: number;
}

export interface PortkeyConfig {
  provider?: string;
  api_key?: string;
  custom_host?: string;
  retry?: { attempts: number; on_status_codes: number[] };
  request_timeout: number;
  strict_open_ai_compliance: false;
}

export function buildPortkeyConfig(
  route: { provider?: string; apiKey?: string; customHost?: string | null },
  policy: GatewayPolicy,
): PortkeyConfig {
  const config: PortkeyConfig = { request_timeout: policy.requestTimeoutMs, strict_open_ai_compliance: false };
  if (route.provider) config.provider = route.provider;
  if (route.apiKey) config.api_key = route.apiKey;
  if (route.customHost) config.custom_host = route.customHost;
  if (policy.retryAttempts > 0) config.retry = { attempts: policy.retryAttempts, on_status_codes: [...RETRY_STATUS_CODES] };
  return config;
}

/**
 * Worst-case wall time of one call through the gateway: every attempt timing out plus the gateway's backoff
 * (about 1s, 2s, 4s, ... between attempts). Used as a last-resort guard around the SDK call.
 */
export function worstCaseMs(policy: GatewayPolicy): number {
  const attempts = policy.retryAttempts + 1;
  let backoff = 0;
  for (let i = 0; i < policy.retryAttempts; i++) backoff += 1000 * 2 ** i;
  return attempts * policy.requestTimeoutMs + backoff + 5_000;
}
