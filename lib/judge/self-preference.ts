// LLM judges tend to rate their own answers higher than other models' (self-preference bias). When the judge is also
// one of the compared models, its scores for itself are suspect: say so wherever the judge is picked and reported.

function normaliseSlug(slug: string): string {
  return slug.trim().toLowerCase();
}

/** A warning when the judge is also a compared model (baseline or candidate); null otherwise. */
export function selfPreferenceWarning(judgeSlug: string, comparedSlugs: readonly string[]): string | null {
  const judge = normaliseSlug(judgeSlug);
  if (judge === "") return null;
  const match = comparedSlugs.find((s) => normaliseSlug(s) === judge);
  if (match === undefined) return null;
  return (
    `The judge (${judgeSlug.trim()}) is also one of the compared models. LLM judges tend to favour their own answers, ` +
    `so ${match.trim()}'s quality scores may be inflated. Pick a judge that is not being compared for an impartial result.`
  );
}
