import { formatInt } from "@/components/ui/format";
import { mutedText, sectionClass } from "./styles";
import type { ImportFormat, ScanResult } from "./types";

// Step 3: what the scan of the whole file found. Log text is shown as plain text only.

const FORMAT_NAMES: Record<ImportFormat, string> = { jsonl: "JSON lines", csv: "CSV", portkey: "Portkey logs export", alpaca: "AlpacaEval outputs" };
const OTHER_MODELS = "(other models)";

/** "line 7: not valid JSON" → ["line 7", "not valid JSON"]; the location is the reader's own words (line, row, element). */
function splitReason(line: number, reason: string): [string, string] {
  const m = /^((?:line|row|element) \d+(?: \(line \d+\))?):\s*(.*)$/is.exec(reason);
  return m ? [m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1), m[2]!] : [`Line ${line}`, reason];
}

export function ScanSummary({ scan, step, busy }: { scan: ScanResult; step: number; busy: boolean }) {
  const models = Object.entries(scan.models).sort((a, b) => b[1] - a[1]);
  const promptOf = (i: number) => {
    const msgs = scan.sample[i]?.messages ?? [];
    return [...msgs].reverse().find((m) => m.role === "user")?.content ?? msgs.at(-1)?.content ?? "";
  };
  return (
    <section aria-labelledby="step-scan" aria-busy={busy} className={sectionClass} data-testid="import-scan">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="step-scan" className="font-semibold">{step}. What the log holds</h2>
        <span className={`text-xs ${mutedText}`}>read as {FORMAT_NAMES[scan.format]}</span>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Good cases" value={formatInt(scan.good)} note={`of ${formatInt(scan.total)} records`} testId="scan-good" tone="good" />
        <Stat label="Bad lines" value={formatInt(scan.badCount)} note={scan.badCount ? "skipped if you import" : "none"} testId="scan-bad" tone={scan.badCount ? "bad" : undefined} />
        <Stat label="Duplicates" value={formatInt(scan.duplicates)} note={scan.duplicates ? `repeats of ${formatInt(scan.duplicateGroups)} prompt${scan.duplicateGroups === 1 ? "" : "s"}` : "every prompt is unique"} testId="scan-duplicates" />
        <Stat label="Recorded answers" value={formatInt(scan.recordedAnswers)} note={scan.good ? `${Math.round((100 * scan.recordedAnswers) / scan.good)}% of good cases` : ""} testId="scan-recorded" />
      </dl>

      <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm dark:bg-slate-950" data-testid="scan-recorded-note">
        {scan.recordedAnswers > 0 ? (
          <>
            <strong className="font-semibold">{formatInt(scan.recordedAnswers)} case{scan.recordedAnswers === 1 ? "" : "s"} carry the answer given in production:</strong>{" "}
            their production answers will be used as the baseline&apos;s answers — not bought again. The judge grades them like any other answer.
          </>
        ) : (
          <>No production answers in this log: the baseline is called for every case, like the candidates.</>
        )}
        {scan.duplicates > 0 ? <> Duplicate prompts stay separate cases.</> : null}
      </p>

      {models.length ? (
        <div>
          <h3 className="text-sm font-medium">Models that answered in production</h3>
          <ul className="mt-1 flex flex-wrap gap-1.5" data-testid="scan-models">
            {models.map(([name, n]) => (
              <li key={name} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs dark:bg-slate-800">
                <span className="font-medium">{name === OTHER_MODELS ? "other models" : name}</span> <span className={`tabular-nums ${mutedText}`}>× {formatInt(n)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {scan.badCount > 0 ? (
        <div data-testid="scan-bad-lines">
          <h3 className="text-sm font-medium text-red-900 dark:text-red-200">
            {formatInt(scan.badCount)} bad line{scan.badCount === 1 ? "" : "s"}
            {scan.badCount > scan.bad.length ? <span className={`font-normal ${mutedText}`}> — the first {scan.bad.length} shown</span> : null}
          </h3>
          <ul className="mt-1 max-h-64 space-y-0.5 overflow-y-auto rounded-lg border border-red-200 bg-red-50/60 p-2 text-xs dark:border-red-900 dark:bg-red-950/40">
            {scan.bad.map((b, i) => {
              const [where, why] = splitReason(b.line, b.reason);
              return (
                <li key={`${b.line}-${i}`} className="break-words">
                  <span className="font-semibold tabular-nums">{where}:</span> {why}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}

      {scan.sample.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">First {scan.sample.length} cases</summary>
          <ol className="mt-2 space-y-2">
            {scan.sample.map((c, i) => (
              <li key={i} className="rounded-lg border border-slate-200 p-2 text-xs dark:border-slate-800">
                <p className="line-clamp-3 whitespace-pre-wrap break-words">{promptOf(i)}</p>
                {c.response !== null ? <p className={`mt-1 line-clamp-2 whitespace-pre-wrap break-words ${mutedText}`}>Recorded answer{c.model ? ` (${c.model})` : ""}: {c.response}</p> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

function Stat({ label, value, note, testId, tone }: { label: string; value: string; note: string; testId: string; tone?: "good" | "bad" }) {
  const color = tone === "good" ? "text-emerald-700 dark:text-emerald-400" : tone === "bad" ? "text-red-700 dark:text-red-400" : "";
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-800">
      <dt className={`text-xs ${mutedText}`}>{label}</dt>
      <dd className={`text-xl font-semibold tabular-nums ${color}`} data-testid={testId}>{value}</dd>
      <dd className={`text-xs ${mutedText}`}>{note}</dd>
    </div>
  );
}
