import type { ReportData } from "@/lib/report/report-types";
import { labelMap } from "@/lib/report/report-types";
import { CaseExplorer } from "./case-explorer";
import { ChartSection } from "./chart-section";
import { ExperimentHeader } from "./experiment-header";
import { ExportLinks } from "./export-links";
import { ProgressBar } from "./progress-bar";
import { RecommendationCard } from "./recommendation-card";
import { ReportEmpty } from "./report-empty";
import { reportNotes } from "./report-notes";
import { RunPanel } from "./run-panel";
import { ShareSlot } from "./share-slot";
import { ExtendPanel } from "@/components/import/extend-panel";
import { TradeoffTable } from "./tradeoff-table";

// The report of one experiment. The owner's page passes the experiment id (run controls, live progress, exports,
// share); the share page passes readOnly and no id at all, so nothing on it can reveal or act on the experiment.

type Props = { data: ReportData; casesEndpoint: string } & ({ readOnly: true } | { readOnly: false; experimentId: string });

export function ReportView(props: Props) {
  const { data, casesEndpoint } = props;
  const labelOf = labelMap(data.models);
  const judged = Boolean(data.judge);
  const finished = data.progress.done + data.progress.failed;
  const report = finished > 0 ? data.report : null;
  const inProgress = data.active || finished < data.progress.total;
  const p = data.progress;

  const notes = reportNotes(data);

  return (
    <div className="space-y-6">
      <ExperimentHeader
        data={data}
        readOnly={props.readOnly}
        actions={
          props.readOnly ? null : (
            <>
              <ExportLinks experimentId={props.experimentId} />
              {data.source === "import" && data.logRemaining !== null ? <ExtendPanel experimentId={props.experimentId} remaining={data.logRemaining} /> : null}
              <div id="share-panel">
                <ShareSlot experimentId={props.experimentId} />
              </div>
            </>
          )
        }
      />
      {props.readOnly ? (
        p.total > 0 && inProgress ? (
          <section aria-label="Progress" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
            <p className="mb-2 text-sm font-medium">Run in progress — reload the page for the latest numbers.</p>
            <ProgressBar p={{ ...p, remaining: p.total - finished }} live={false} />
          </section>
        ) : null
      ) : (
        <RunPanel experimentId={props.experimentId} status={data.status} active={data.active} progress={p} />
      )}
      {!props.readOnly && data.lastError ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200">
          {data.lastError}
        </p>
      ) : null}
      {report ? (
        <>
          <RecommendationCard
            rec={report}
            labelOf={labelOf}
            note={notes.length ? <ul className="space-y-1">{notes.map((n) => <li key={n}>{n}</li>)}</ul> : undefined}
          />
          <TradeoffTable models={report.models} labels={data.models} recommended={report.recommended_model} judged={judged} grading={data.active} />
          <ChartSection models={report.models} labels={data.models} recommended={report.recommended_model} judged={judged} />
        </>
      ) : (
        <ReportEmpty total={p.total} readOnly={props.readOnly} running={data.active} />
      )}
      {p.total > 0 ? (
        <CaseExplorer
          endpoint={casesEndpoint}
          labels={data.models}
          baseline={data.baseline}
          candidates={data.candidates}
          recommended={report?.recommended_model ?? null}
          judged={judged}
        />
      ) : null}
    </div>
  );
}
