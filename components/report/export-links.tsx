// Download links for the results (one row per case x model). Owner's page only: a share page never links to them.

export function ExportLinks({ experimentId }: { experimentId: string }) {
  const base = `/api/experiments/${encodeURIComponent(experimentId)}/export`;
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800";
  return (
    <div className="flex flex-wrap gap-2">
      <a href={`${base}?format=csv`} download data-testid="export-csv" className={link}>
        Export CSV
      </a>
      <a href={`${base}?format=json`} download data-testid="export-json" className={link}>
        Export JSON
      </a>
    </div>
  );
}
