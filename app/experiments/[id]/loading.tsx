// Skeleton while the experiment and its report load.

export default function Loading() {
  const block = "animate-pulse rounded-xl bg-slate-200/70 dark:bg-slate-800";
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading the experiment">
      <div className="space-y-3">
        <div className={`${block} h-4 w-24`} />
        <div className={`${block} h-8 w-72 max-w-full`} />
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {[0, 1, 2, 3].map((i) => <div key={i} className={`${block} h-10`} />)}
        </div>
      </div>
      <div className={`${block} h-24`} />
      <div className={`${block} h-44`} />
      <div className={`${block} h-64`} />
      <div className={`${block} h-96`} />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
