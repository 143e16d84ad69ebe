/** Decides what the stub does with a request, and builds provider-neutral completions. */
import type { Directives, FaultKind } from "./directives";
import { sha256, unitFromSeed } from "./hash";
import { judgeText } from "./judge";
import { lastUserText, type ParsedRequest } from "./request";
import { stripTags } from "./directives";

export type Outcome = "ok" | "error" | "hang" | "reset" | "malformed" | "refusal";

export const REFUSAL_TEXT = "I'm sorry, but I can't help with that request.";
export const ANTHROPIC_REFUSAL_TEXT = "I'm sorry, but I can't help with that.";
export const MALFORMED_BODY = '{"id":"stub-malformed","object":"chat.completion","choices":[{"message":{"content":"trunc';

export type Plan =
  | { kind: "error"; status: number; retryAfter: number | undefined; message: string }
  | { kind: "hang" }
  | { kind: "reset" }
  | { kind: "malformed" }
  | { kind: "answer" };

export interface PlanResult {
  plan: Plan;
  delayMs: number;
  fault: FaultKind | undefined;
}

const FILLER = [
  "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
  "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa",
  "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey", "xray",
  "yankee", "zulu", "lorem", "ipsum", "dolor", "sit", "amet", "consectetur",
];

function errorMessage(status: number): string {
  if (status === 429) return "Rate limit reached (stub).";
  if (status === 401) return "Invalid or missing API key (stub).";
  if (status >= 500) return `The server had an error while processing your request (stub ${status}).`;
  return `Request failed with status ${status} (stub).`;
}

function errorPlan(status: number, retryAfter: number | undefined): Plan {
  return { kind: "error", status, retryAfter: status === 429 ? retryAfter : undefined, message: errorMessage(status) };
}

/**
 * Precedence: requireAuth → reset → hang → malformed → status → fail → faultRate → answer.
 * `bodyHash` seeds jitter and faults; `attempt` (1-based, per request key) makes retries differ.
 */
export function planRequest(d: Directives, attempt: number, bodyHash: string, hasAuth: boolean): PlanResult {
  const jitter = d.jitter > 0 ? Math.floor(unitFromSeed(bodyHash, d.seed, "jitter") * (d.jitter + 1)) : 0;
  const delayMs = d.latency + jitter;
  const result = (plan: Plan, fault?: FaultKind): PlanResult => ({ plan, delayMs, fault });

  if (d.requireAuth && !hasAuth) return result(errorPlan(401, undefined));
  if (d.reset) return result({ kind: "reset" });
  if (d.hang) return result({ kind: "hang" });
  if (d.malformed) return result({ kind: "malformed" });
  if (d.status !== undefined) return result(errorPlan(d.status, d.retryAfter ?? 1));
  if (d.fail && attempt <= d.fail.times) return result(errorPlan(d.fail.code, d.retryAfter ?? 1));
  if (d.faultRate > 0 && unitFromSeed(bodyHash, d.seed, attempt, "fault") < d.faultRate) {
    const idx = Math.floor(unitFromSeed(bodyHash, d.seed, attempt, "kind") * d.faults.length);
    const fault = d.faults[Math.min(idx, d.faults.length - 1)] ?? "500";
    switch (fault) {
      case "429":
        return result(errorPlan(429, 0), fault);
      case "500":
        return result(errorPlan(500, undefined), fault);
      case "hang":
        return result({ kind: "hang" }, fault);
      case "malformed":
        return result({ kind: "malformed" }, fault);
      case "reset":
        return result({ kind: "reset" }, fault);
    }
  }
  return result({ kind: "answer" });
}

export type Finish = "stop" | "length" | "refusal";

export interface Completion {
  text: string;
  finish: Finish;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  outcome: "ok" | "refusal";
}

function fillerWords(seed: string, n: number): string {
  if (n <= 0) return "";
  let state = parseInt(sha256(seed).slice(0, 8), 16) >>> 0 || 1;
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    // xorshift32
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    words.push(FILLER[state % FILLER.length] ?? "stub");
  }
  return words.join(" ");
}

function answerText(req: ParsedRequest, d: Directives, attempt: number): { text: string; outcome: "ok" | "refusal" } {
  if (d.refuseText) return { text: REFUSAL_TEXT, outcome: "refusal" };
  if (d.judge) return { text: judgeText(req.messages, d, attempt), outcome: "ok" };
  const marker = d.quality !== undefined ? `[[quality:${d.quality}]]` : "";
  let body: string;
  if (d.answer !== undefined) {
    body = d.answer;
  } else {
    const echo = stripTags(lastUserText(req.messages)).slice(0, 60);
    body = [`Stub answer from ${req.model}: ${echo}`, fillerWords(req.key, d.words)].filter(Boolean).join(" ");
  }
  return { text: marker ? `${marker} ${body}` : body, outcome: "ok" };
}

export function buildCompletion(req: ParsedRequest, d: Directives, attempt: number): Completion {
  const promptChars = req.messages.reduce((sum, m) => sum + m.text.length, 0);
  const promptTokens = d.usage?.prompt ?? Math.ceil(promptChars / 4);
  const cachedTokens = Math.min(d.cached, promptTokens);

  if (d.refuse) {
    const text = req.provider === "openai" ? "" : ANTHROPIC_REFUSAL_TEXT;
    return {
      text,
      finish: "refusal",
      promptTokens,
      completionTokens: d.usage?.completion ?? Math.ceil(text.length / 4),
      cachedTokens,
      outcome: "refusal",
    };
  }

  const { text, outcome } = answerText(req, d, attempt);
  let finalText = text;
  let completionTokens = d.usage?.completion ?? Math.ceil(text.length / 4);
  let finish: Finish = "stop";
  if (req.maxTokens !== undefined && completionTokens > req.maxTokens) {
    finalText = text.slice(0, req.maxTokens * 4);
    completionTokens = req.maxTokens;
    finish = "length";
  }
  return { text: finalText, finish, promptTokens, completionTokens, cachedTokens, outcome };
}
