import Link from "next/link";

// Nothing to list: either no experiment exists yet (lead to a first run) or the filters match none.

export function ExperimentsEmpty({ filtered }: { filtered: boolean }) {
  if (filtered) {
    return (
      <div data-testid="experiments-empty" className="rounded-xl border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
        <p className="font-medium">No experiments match these filters</p>
        <Link href="/" className="mt-2 inline-block text-sm text-blue-700 underline dark:text-blue-300">Show all experiments</Link>
      </div>
    );
  }
  return (
    <div data-testid="experiments-empty" className="rounded-xl border border-dashed border-slate-300 px-6 py-10 text-center dark:border-slate-700">
      <p className="text-lg font-medium">No experiments yet</p>
      <p className="mx-auto mt-1 max-w-lg text-sm text-slate-600 dark:text-slate-400">
        Start with one prompt against a few models, or paste a batch of real prompts and compare a cheaper model with the one you use
        today. The demo models work without any key.
      </p>
      <div className="mt-4 flex flex-wrap justify-center gap-3">
        <Link href="/compare" className="rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700">Run a first comparison</Link>
        <Link href="/experiments/new" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800">
          Paste a batch of prompts
        </Link>
      </div>
    </div>
  );
}
