// Simulated models for newcomers with no provider keys. Answers are deterministic, clearly simulated text, with
// realistic token usage and latency, so every page can be tried end to end through the real gateway path.
import { createHash } from "node:crypto";

export interface DemoProfile {
  latencyMs: number;
  sentences: number;
  /** Average quality the demo judge tends to give this model's answers (0..1). */
  quality: number;
}

export const DEMO_PROFILES: Record<string, DemoProfile> = {
  "demo-swift": { latencyMs: 250, sentences: 2, quality: 0.74 },
  "demo-balanced": { latencyMs: 500, sentences: 4, quality: 0.875 },
  "demo-premium": { latencyMs: 900, sentences: 6, quality: 0.9 },
};

const REFUSAL_TOPICS = /\b(make (a )?bomb|build (a )?weapon|synthesi[sz]e (meth|nerve agent)|steal (a )?credit card)\b/i;

function hash(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0);
}

const FILLERS = [
  "The key point is to start from the question's own terms",
  "A short example makes the idea concrete",
  "The trade-off depends on the constraints you care about most",
  "In practice the simplest approach that meets the need is usually best",
  "It helps to check the result against a known case",
  "Edge cases deserve a quick mention",
  "A summary at the end keeps the answer easy to scan",
];

export function demoAnswer(model: string, prompt: string): { text: string; finishReason: string } {
  const profile = DEMO_PROFILES[model] ?? DEMO_PROFILES["demo-balanced"]!;
  if (REFUSAL_TOPICS.test(prompt)) {
    return { text: "I'm sorry, but I can't help with that request.", finishReason: "stop" };
  }
  const topic = prompt.replace(/\s+/g, " ").trim().slice(0, 80);
  const h = hash(model + prompt);
  const parts = [`(Simulated answer from ${model}.) Regarding "${topic}":`];
  for (let i = 0; i < profile.sentences; i++) parts.push(`${FILLERS[(h + i * 3) % FILLERS.length]}.`);
  return { text: parts.join(" "), finishReason: "stop" };
}

export function demoLatency(model: string, prompt: string): number {
  const profile = DEMO_PROFILES[model] ?? DEMO_PROFILES["demo-balanced"]!;
  return Math.round(profile.latencyMs * (0.8 + (hash(prompt + model) % 400) / 1000));
}

/** The demo judge scores by which simulated model wrote the answer, with per-case spread; real judges read the text. */
export function demoJudge(criteria: string[], judged: string): string {
  const refused = /I'm sorry, but I can't help/.test(judged);
  const m = judged.match(/Simulated answer from (demo-[a-z]+)/);
  const base = refused ? 0.1 : (DEMO_PROFILES[m?.[1] ?? ""]?.quality ?? 0.6);
  const h = hash(judged);
  const scores: Record<string, number> = {};
  criteria.forEach((c, i) => {
    const spread = (((h >> (i * 4)) & 0xff) / 255 - 0.5) * 0.16;
    scores[c] = Math.round(Math.min(1, Math.max(0, base + spread)) * 100) / 100;
  });
  return JSON.stringify({ scores, refused, rationale: `Simulated judge: scored from the demo model's profile (${base.toFixed(2)}) with per-case spread.` });
}

export function approxTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
