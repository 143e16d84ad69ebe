// One plain answer for unknown, malformed, revoked and expired links (they must be indistinguishable).

export default function ShareNotFound() {
  return (
    <div data-testid="not-found" className="mx-auto max-w-lg rounded-xl border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">This link does not exist or is no longer shared.</p>
    </div>
  );
}
