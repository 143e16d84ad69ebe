// What the report shows before there is anything to report.

export function ReportEmpty({ total, readOnly, running }: { total: number; readOnly: boolean; running: boolean }) {
  const [title, body] =
    total === 0
      ? ["No cases", "This experiment has no cases, so there is nothing to compare."]
      : running
        ? ["Waiting for the first results", "The recommendation, the trade-off table and the chart appear as soon as the first answers are in."]
        : readOnly
          ? ["No results yet", "This experiment has not been run yet."]
          : ["No results yet", "Press Run to send every case to every model. Nothing is called (or paid for) before that."];
  return (
    <section data-testid="report-empty" className="rounded-xl border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
      <h2 className="font-medium">{title}</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{body}</p>
    </section>
  );
}
