/** Stub LLM judge: scores an answer by the `[[quality:X]]` marker the stub embedded in it. */
import type { Directives } from "./directives";
import type { Msg } from "./request";

export const DEFAULT_CRITERIA = ["accuracy", "relevance", "clarity"] as const;
export const DEFAULT_QUALITY = 0.5;
export const MALFORMED_JUDGE_TEXT =
  "Overall the answer looks decent to me; I would probably give it a seven out of ten.";

const QUALITY_RE = /\[\[quality:\s*([0-9]*\.?[0-9]+)\s*\]\]/gi;
const RUBRIC_LINE_RE = /^[ \t]*[-*•][ \t]*[`"'*_]*([^\n(`"'*_]+?)[`"'*_]*[ \t]*\(\s*weight/gim;
const REFUSAL_RE = /can['’]t help/i;

export interface JudgeVerdict {
  scores: Record<string, number>;
  refused: boolean;
  rationale: string;
}

/** Last `[[quality:X]]` marker in the user messages (clamped to 0..1), or undefined. */
export function findQuality(messages: readonly Msg[]): number | undefined {
  let found: number | undefined;
  for (const m of messages) {
    if (m.role !== "user") continue;
    for (const match of m.text.matchAll(QUALITY_RE)) {
      const n = Number(match[1]);
      if (Number.isFinite(n)) found = Math.min(1, Math.max(0, n));
    }
  }
  return found;
}

/** Criteria names from `- <name> (weight ...` lines anywhere in the prompt. */
export function findCriteria(messages: readonly Msg[]): string[] {
  const names: string[] = [];
  for (const m of messages) {
    for (const match of m.text.matchAll(RUBRIC_LINE_RE)) {
      const name = (match[1] ?? "").trim().replace(/:$/, "").trim();
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

export function judgeVerdict(messages: readonly Msg[], d: Directives): JudgeVerdict {
  const quality = findQuality(messages);
  const q = quality ?? DEFAULT_QUALITY;
  const criteria = d.criteria ?? (findCriteria(messages).length ? findCriteria(messages) : [...DEFAULT_CRITERIA]);
  const score = Math.round(q * d.scale * 10_000) / 10_000;
  const scores: Record<string, number> = {};
  for (const c of criteria) scores[c] = score;
  const refused = messages.some((m) => m.role === "user" && REFUSAL_RE.test(m.text));
  return {
    scores,
    refused,
    rationale: `stub judge: quality marker ${quality === undefined ? `absent (default ${DEFAULT_QUALITY})` : q}`,
  };
}

/** The judge's answer text: JSON verdict, or non-JSON prose when asked to misbehave. */
export function judgeText(messages: readonly Msg[], d: Directives, attempt: number): string {
  if (d.judgeMalformed || (d.judgeMalformedOnce && attempt <= 1)) return MALFORMED_JUDGE_TEXT;
  return JSON.stringify(judgeVerdict(messages, d));
}
