"use client";
import Link from "next/link";

// A failure while loading the report: say so plainly, offer a retry; no internal message is shown.

export default function ExperimentError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-xl border border-red-200 bg-red-50 p-6 text-center dark:border-red-900 dark:bg-red-950">
      <h1 className="text-lg font-semibold text-red-900 dark:text-red-200">This report could not be loaded</h1>
      <p className="mt-1 text-sm text-red-900 dark:text-red-200">Something went wrong on the server. The error was logged; trying again often helps.</p>
      <div className="mt-4 flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800">
          Try again
        </button>
        <Link href="/" className="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-900 dark:border-red-800 dark:text-red-200">
          All experiments
        </Link>
      </div>
    </div>
  );
}
