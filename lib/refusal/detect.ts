// Decides whether one model response is a refusal, from every signal we have: the provider's
// normalised finish reason, the text classifier and (optionally) the LLM judge's verdict.

import type { NormalisedFinishReason, RefusalSignal } from "@/lib/domain/types";
import { classifyRefusalText, type RefusalKind } from "./classifier";

export interface DetectRefusalInput {
  finishReason: NormalisedFinishReason | null;
  text: string | null;
  /** The judge's verdict; null/undefined when there is none. */
  judgeRefused?: boolean | null;
}

export interface RefusalDetection {
  refused: boolean;
  /** Every signal that fired, in the order finish_reason, classifier, judge. */
  signals: RefusalSignal[];
  /** From the text classifier; "full" when only the finish reason or the judge fired. */
  kind: RefusalKind | null;
}

/** Finish reasons that mean the provider itself refused or filtered the answer. */
const REFUSAL_FINISH_REASONS: ReadonlySet<NormalisedFinishReason> = new Set<NormalisedFinishReason>(["content_filter", "refusal"]);

export function detectRefusal(input: DetectRefusalInput): RefusalDetection {
  const signals: RefusalSignal[] = [];

  if (input.finishReason !== null && REFUSAL_FINISH_REASONS.has(input.finishReason)) signals.push("finish_reason");

  const text = typeof input.text === "string" ? input.text : "";
  const classified = text.trim() === "" ? null : classifyRefusalText(text);
  if (classified?.refusal) signals.push("classifier");

  if (input.judgeRefused === true) signals.push("judge");

  const refused = signals.length > 0;
  const kind: RefusalKind | null = !refused ? null : classified?.refusal ? classified.kind : "full";
  return { refused, signals, kind };
}
