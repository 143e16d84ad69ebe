import "server-only";
import { randomUUID } from "node:crypto";
import { Portkey } from "portkey-ai";
import type { NormalisedFinishReason, Usage } from "@/lib/domain/types";
import { demoUpstreamUrl, env, gatewayBaseUrl, portkeyMode, secretFromEnv } from "@/lib/env";
import { scrub } from "@/lib/log";
import { buildPortkeyConfig, worstCaseMs, type GatewayPolicy } from "./config";
import { normaliseFinishReason } from "./finish-reason";
import { readableError } from "./readable-error";
import { hostedProviderEnvName, type ModelTarget } from "./target";

// The only place that calls a model. Every call goes through Portkey: hosted Portkey for provider models when
// PORTKEY_API_KEY is set, otherwise the local open-source gateway with the provider key from the server env.

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  responseFormat?: unknown;
}

export interface CallMeta {
  /** Links the call to its experiment/case in Portkey's logs. Plain identifiers only. */
  metadata?: Record<string, string>;
  traceId?: string;
  policy?: Partial<GatewayPolicy>;
}

export interface CallResult {
  ok: boolean;
  content: string | null;
  finishReasonRaw: string | null;
  finishReason: NormalisedFinishReason;
  usage: Usage | null;
  latencyMs: number;
  attempts: number;
  traceId: string;
  /** HTTP status of a failed call (408 for a timeout), null when it never got one. */
  status: number | null;
  errorCode: string | null;
  error: string | null;
}

interface Route {
  client: Portkey;
  model: string;
}

function routeFor(target: ModelTarget, traceId: string, metadata: Record<string, string>, policy: GatewayPolicy): Route {
  const common = { traceID: traceId, metadata, strictOpenAiCompliance: false };
  if (target.kind === "provider" && portkeyMode() === "hosted") {
    const slug = process.env[hostedProviderEnvName(target.provider)];
    if (!slug) throw new CallSetupError(`${target.label} is not connected: set ${hostedProviderEnvName(target.provider)}`);
    const config = buildPortkeyConfig({}, policy);
    return {
      client: new Portkey({ ...common, apiKey: env().PORTKEY_API_KEY, baseURL: gatewayBaseUrl(), config: { ...config } }),
      model: `${slug.startsWith("@") ? slug : `@${slug}`}/${target.upstreamModel}`,
    };
  }
  const customHost = target.kind === "demo" ? demoUpstreamUrl() : target.kind === "custom" ? target.customHost : undefined;
  const apiKey = target.kind === "demo" ? "demo" : secretFromEnv(target.keyEnv);
  if (target.kind === "provider" && !apiKey) {
    throw new CallSetupError(`${target.label} is not connected: set ${target.keyEnv ?? "its provider key"} on the server`);
  }
  const config = buildPortkeyConfig({ provider: target.provider, apiKey: apiKey ?? "none", customHost }, policy);
  return {
    client: new Portkey({ ...common, apiKey: "", baseURL: env().PORTKEY_GATEWAY_URL, config: { ...config } }),
    model: target.upstreamModel,
  };
}

class CallSetupError extends Error {}

function usageFrom(raw: unknown): Usage | null {
  if (!raw || typeof raw !== "object") return null;
  const u = raw as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.round(v) : null);
  const prompt = num(u.prompt_tokens) ?? num(u.input_tokens);
  const completion = num(u.completion_tokens) ?? num(u.output_tokens);
  if (prompt === null && completion === null) return null;
  const details = (u.prompt_tokens_details ?? {}) as Record<string, unknown>;
  const cached = num(details.cached_tokens) ?? num(u.cache_read_input_tokens) ?? 0;
  return { promptTokens: prompt ?? 0, completionTokens: completion ?? 0, cachedTokens: cached };
}

function attemptsFrom(headers: Record<string, string> | null | undefined, policy: GatewayPolicy): number {
  // The gateway reports how many retries it made (the first try is not counted), and -1 when it used them all.
  const h = headers ?? {};
  const v = h["retry-attempt-count"] ?? h["x-portkey-retry-attempt-count"];
  const n = v === undefined ? 0 : Number(v);
  if (n === -1) return policy.retryAttempts + 1;
  return Number.isFinite(n) && n >= 0 ? n + 1 : 1;
}

function errorDetails(err: unknown): { status: number | null; code: string; message: string; headers?: Record<string, string> } {
  const e = err as { status?: number; headers?: Record<string, string>; error?: unknown; message?: string; name?: string };
  const status = typeof e?.status === "number" ? e.status : null;
  let message = e?.message ?? String(err);
  if (status === 408 || /timed? ?out|exceeded the timeout/i.test(message)) {
    return { status: status ?? 408, code: "timeout", message: "The request timed out", headers: e.headers };
  }
  if (err instanceof CallSetupError) return { status: null, code: "not_connected", message };
  if (status === null) return { status, code: "connection", message: `Could not reach the gateway or upstream: ${message}` };
  const code = status === 429 ? "rate_limited" : status >= 500 ? "upstream_error" : status === 401 || status === 403 ? "auth" : "bad_request";
  message = readableError(message);
  message = message.length > 500 ? `${message.slice(0, 500)}…` : message;
  return { status, code, message, headers: e.headers };
}

export async function callModel(target: ModelTarget, req: ChatRequest, meta: CallMeta = {}): Promise<CallResult> {
  const traceId = meta.traceId ?? `tradeoff-${randomUUID()}`;
  const e = env();
  const policy: GatewayPolicy = {
    retryAttempts: meta.policy?.retryAttempts ?? e.TRADEOFF_RETRY_ATTEMPTS,
    requestTimeoutMs: meta.policy?.requestTimeoutMs ?? e.TRADEOFF_REQUEST_TIMEOUT_MS,
  };
  const started = performance.now();
  const base = { traceId, usage: null, content: null, finishReasonRaw: null };
  let timer: NodeJS.Timeout | undefined;
  try {
    const route = routeFor(target, traceId, { ...meta.metadata, model: target.slug }, policy);
    const body: Record<string, unknown> = { model: route.model, messages: req.messages };
    if (req.maxTokens !== undefined) body.max_tokens = req.maxTokens;
    if (req.temperature !== undefined) body.temperature = req.temperature;
    if (req.responseFormat !== undefined) body.response_format = req.responseFormat;
    const guard = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error("The request timed out"), { status: 408 })), worstCaseMs(policy));
    });
    const res = (await Promise.race([route.client.chat.completions.create(body as never), guard])) as unknown as {
      choices?: { message?: { content?: string | null; refusal?: string | null }; finish_reason?: string | null }[];
      usage?: unknown;
      getHeaders?: () => Record<string, string> | null | undefined;
    };
    const choice = res.choices?.[0];
    const raw = choice?.finish_reason ?? null;
    const content = choice?.message?.content ?? choice?.message?.refusal ?? "";
    return {
      ...base,
      ok: true,
      content,
      finishReasonRaw: raw,
      finishReason: normaliseFinishReason(raw),
      usage: usageFrom(res.usage),
      latencyMs: Math.round(performance.now() - started),
      attempts: attemptsFrom(res.getHeaders?.(), policy),
      status: 200,
      errorCode: null,
      error: null,
    };
  } catch (err) {
    const d = errorDetails(err);
    return {
      ...base,
      ok: false,
      finishReason: "error",
      latencyMs: Math.round(performance.now() - started),
      attempts: d.code === "not_connected" ? 0 : attemptsFrom(d.headers, policy),
      status: d.status,
      errorCode: d.code,
      error: scrub(d.message),
    };
  } finally {
    clearTimeout(timer);
  }
}
