/**
 * Directive parsing. Directives come from two places:
 *  - the model name:   "stub:latency=300,quality=0.8"
 *  - prompt text tags: "[[stub:refuse]]", "[[stub:latency=50,quality=0.3]]"
 * Prompt directives override model directives.
 *
 * In judge mode, plain `[[stub:...]]` tags found in the prompt only contribute
 * judge-related keys (the judge prompt usually quotes the candidate's prompt,
 * whose tags were meant for the candidate call). `[[stub-judge:...]]` tags apply
 * in full to judge calls and are ignored by non-judge calls.
 */

export type RawDirectives = Record<string, string | true>;

export type FaultKind = "429" | "500" | "hang" | "malformed" | "reset";
export const ALL_FAULTS: readonly FaultKind[] = ["429", "500", "hang", "malformed", "reset"];

export interface Directives {
  latency: number;
  jitter: number;
  status: number | undefined;
  retryAfter: number | undefined;
  fail: { code: number; times: number } | undefined;
  hang: boolean;
  reset: boolean;
  malformed: boolean;
  faultRate: number;
  faults: FaultKind[];
  seed: string;
  refuse: boolean;
  refuseText: boolean;
  quality: number | undefined;
  answer: string | undefined;
  words: number;
  usage: { prompt: number; completion: number } | undefined;
  cached: number;
  chunkDelay: number;
  requireAuth: boolean;
  judge: boolean;
  judgeMalformed: boolean;
  judgeMalformedOnce: boolean;
  criteria: string[] | undefined;
  scale: number;
}

const KNOWN_KEYS = [
  "latency", "jitter", "status", "retryAfter", "fail", "hang", "reset", "malformed",
  "faultRate", "faults", "seed", "refuse", "refuseText", "quality", "answer", "words",
  "usage", "cached", "chunkDelay", "requireAuth", "judge", "judgeMalformed",
  "judgeMalformedOnce", "criteria", "scale",
] as const;

const CANONICAL = new Map<string, string>(KNOWN_KEYS.map((k) => [k.toLowerCase(), k]));

/** Keys a plain `[[stub:...]]` prompt tag may set on a judge call. */
const JUDGE_KEYS = new Set(["judge", "judgeMalformed", "judgeMalformedOnce", "criteria", "scale"]);

export const TAG_RE = /\[\[stub(-judge)?:([^\]]*)\]\]/gi;
const CASE_RE = /\[\[case:([^\]]*)\]\]/gi;

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}

/** "a=1,b,c=x%2Cy" → { a: "1", b: true, c: "x,y" } (keys canonicalised, case-insensitive). */
export function parseDirectiveList(list: string): RawDirectives {
  const out: RawDirectives = {};
  for (const part of list.split(",")) {
    const item = part.trim();
    if (!item) continue;
    const eq = item.indexOf("=");
    const rawKey = (eq === -1 ? item : item.slice(0, eq)).trim();
    if (!rawKey) continue;
    const key = CANONICAL.get(rawKey.toLowerCase()) ?? rawKey;
    out[key] = eq === -1 ? true : decode(item.slice(eq + 1).trim());
  }
  return out;
}

/** Directives embedded in a model name ("stub:..."); plain model names yield {}. */
export function modelDirectives(model: string): RawDirectives {
  const m = /^stub(?::(.*))?$/is.exec(model.trim());
  if (!m) return {};
  return parseDirectiveList(m[1] ?? "");
}

export interface PromptDirectives {
  stub: RawDirectives;
  stubJudge: RawDirectives;
}

export function promptDirectives(texts: readonly string[]): PromptDirectives {
  const stub: RawDirectives = {};
  const stubJudge: RawDirectives = {};
  for (const text of texts) {
    for (const m of text.matchAll(TAG_RE)) {
      Object.assign(m[1] ? stubJudge : stub, parseDirectiveList(m[2] ?? ""));
    }
  }
  return { stub, stubJudge };
}

/** Merge model + prompt directives with the judge-mode filtering described above. */
export function mergeDirectives(model: RawDirectives, prompt: PromptDirectives): RawDirectives {
  const judge = isFlag(model.judge) || isFlag(prompt.stub.judge);
  if (!judge) return { ...model, ...prompt.stub };
  const filtered: RawDirectives = {};
  for (const [k, v] of Object.entries(prompt.stub)) if (JUDGE_KEYS.has(k)) filtered[k] = v;
  return { ...model, ...filtered, ...prompt.stubJudge, judge: true };
}

/** Remove stub tags (not case tags) from text, collapsing whitespace. */
export function stripTags(text: string): string {
  return text.replace(TAG_RE, " ").replace(/\s+/g, " ").trim();
}

/** Value of the last `[[case:<id>]]` tag in the texts, if any. */
export function findCaseTag(texts: readonly string[]): string | null {
  let found: string | null = null;
  for (const text of texts) for (const m of text.matchAll(CASE_RE)) found = (m[1] ?? "").trim();
  return found;
}

function isFlag(v: string | true | undefined): boolean {
  if (v === undefined) return false;
  if (v === true) return true;
  return !/^(0|false|no|off)$/i.test(v);
}

function num(v: string | true | undefined, min: number, max: number): number | undefined {
  if (v === undefined || v === true) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) return undefined;
  return Math.min(max, Math.max(min, n));
}

function int(v: string | true | undefined, min: number, max: number): number | undefined {
  const n = num(v, min, max);
  return n === undefined ? undefined : Math.round(n);
}

function str(v: string | true | undefined): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function errorStatus(v: string | true | undefined): number | undefined {
  const n = int(v, 0, 999);
  return n !== undefined && n >= 400 && n <= 599 ? n : undefined;
}

export function resolveDirectives(raw: RawDirectives): Directives {
  const failMatch = /^(\d{3})x(\d+)$/i.exec(str(raw.fail) ?? "");
  const failCode = failMatch ? Number(failMatch[1]) : NaN;
  const usageMatch = /^(\d+)\/(\d+)$/.exec(str(raw.usage) ?? "");
  const faults = (str(raw.faults) ?? "")
    .split(/[|/;]/)
    .map((f) => f.trim().toLowerCase())
    .filter((f): f is FaultKind => (ALL_FAULTS as readonly string[]).includes(f));
  const criteria = (str(raw.criteria) ?? "")
    .split("|")
    .map((c) => c.trim())
    .filter(Boolean);
  return {
    latency: int(raw.latency, 0, 86_400_000) ?? 0,
    jitter: int(raw.jitter, 0, 86_400_000) ?? 0,
    status: errorStatus(raw.status),
    retryAfter: num(raw.retryAfter, 0, 86_400),
    fail:
      failMatch && failCode >= 400 && failCode <= 599
        ? { code: failCode, times: Number(failMatch[2]) }
        : undefined,
    hang: isFlag(raw.hang),
    reset: isFlag(raw.reset),
    malformed: isFlag(raw.malformed),
    faultRate: num(raw.faultRate, 0, 1) ?? 0,
    faults: faults.length ? faults : [...ALL_FAULTS],
    seed: str(raw.seed) ?? "",
    refuse: isFlag(raw.refuse),
    refuseText: isFlag(raw.refuseText),
    quality: num(raw.quality, 0, 1),
    answer: str(raw.answer),
    words: int(raw.words, 0, 100_000) ?? 20,
    usage: usageMatch ? { prompt: Number(usageMatch[1]), completion: Number(usageMatch[2]) } : undefined,
    cached: int(raw.cached, 0, Number.MAX_SAFE_INTEGER) ?? 0,
    chunkDelay: int(raw.chunkDelay, 0, 60_000) ?? 0,
    requireAuth: isFlag(raw.requireAuth),
    judge: isFlag(raw.judge),
    judgeMalformed: isFlag(raw.judgeMalformed),
    judgeMalformedOnce: isFlag(raw.judgeMalformedOnce),
    criteria: criteria.length ? criteria : undefined,
    scale: num(raw.scale, 0, 1_000_000) ?? 1,
  };
}
