import type { ReportData } from "@/lib/report/report-types";

// The caveats printed under the recommendation: partial or provisional numbers, warnings from the report (e.g. a judge
// grading its own answers), no judge, and cases left out of the quality comparison.

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

export function reportNotes(data: ReportData): string[] {
  const p = data.progress;
  const judged = Boolean(data.judge);
  const finished = p.done + p.failed;
  const complete = !data.active && finished >= p.total;
  const excluded = data.report?.excluded_cases;
  const notes: (string | null)[] = [
    data.active
      ? finished < p.total
        ? `Provisional: ${finished.toLocaleString("en-US")} of ${plural(p.total, "answer")} are in; the numbers will change as the rest come in.`
        : "Provisional: every answer is in and the judge is still grading; the numbers will change until it is done."
      : finished < p.total
        ? `Partial: ${finished.toLocaleString("en-US")} of ${plural(p.total, "answer")} are in; the run stopped before the end.`
        : null,
    ...(data.report?.warnings ?? []).filter((w) => judged || !/^No judge/i.test(w)),
    judged
      ? null
      : "Quality not graded: this experiment has no judge, so quality and its change against the baseline are unknown and no candidate can be shown to stay within the quality tolerance. Cost, refusals, latency and errors are still compared.",
    // While a run is active an answer without a score is still being graded, not a judge error.
    judged && complete && excluded && (excluded.judge_error || excluded.model_error)
      ? `Left out of the quality comparison: ${[
          excluded.model_error ? `${plural(excluded.model_error, "case")} with a failed call` : "",
          excluded.judge_error ? `${plural(excluded.judge_error, "case")} with a judge error` : "",
        ]
          .filter(Boolean)
          .join(" and ")}.`
      : null,
  ];
  return notes.filter((n): n is string => n !== null);
}
