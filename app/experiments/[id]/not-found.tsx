import Link from "next/link";

export default function ExperimentNotFound() {
  return (
    <div data-testid="not-found" className="mx-auto max-w-lg rounded-xl border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
      <h1 className="text-lg font-semibold">Experiment not found</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">There is no experiment with this address. It may have been deleted.</p>
      <Link href="/" className="mt-3 inline-block text-sm text-blue-700 underline dark:text-blue-300">
        All experiments
      </Link>
    </div>
  );
}
