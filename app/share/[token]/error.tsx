"use client";

// A failure while loading a shared report: a plain message and a retry; nothing about the experiment or the error.

export default function ShareError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-xl border border-red-200 bg-red-50 p-6 text-center dark:border-red-900 dark:bg-red-950">
      <h1 className="text-lg font-semibold text-red-900 dark:text-red-200">This report could not be loaded</h1>
      <p className="mt-1 text-sm text-red-900 dark:text-red-200">Something went wrong on the server. Please try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800">
        Try again
      </button>
    </div>
  );
}
