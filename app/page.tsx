import Link from "next/link";
import { listExperiments } from "@/lib/db/experiments";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const experiments = await listExperiments({ take: 50 });
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">Experiments</h1>
        <Link href="/compare" className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700">New comparison</Link>
      </div>
      {experiments.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
          <p className="font-medium">No experiments yet</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Start with one prompt against a few models — demo models work without any key.</p>
          <Link href="/compare" className="mt-3 inline-block text-sm text-blue-700 underline dark:text-blue-300">Run a first comparison</Link>
        </div>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {experiments.map((e) => (
            <li key={e.id} className="flex items-center justify-between px-4 py-3 text-sm">
              <Link href={`/experiments/${e.id}`} className="font-medium text-blue-700 dark:text-blue-300">{e.name}</Link>
              <span className="text-slate-600 dark:text-slate-400">{e.status} · {e.createdAt.toISOString().slice(0, 16).replace("T", " ")}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
