import type { Metadata } from "next";
import Link from "next/link";
import { NewExperimentForm } from "@/components/experiments/new/new-experiment-form";
import { listModelInfo } from "@/lib/models/status";

export const metadata: Metadata = { title: "New experiment" };
export const dynamic = "force-dynamic";

export default async function NewExperimentPage() {
  const models = await listModelInfo();
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm"><Link href="/" className="text-blue-700 underline dark:text-blue-300">Experiments</Link> / New</p>
        <h1 className="text-2xl font-semibold tracking-tight">New experiment</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          Replay a batch of real prompts against your current model and a few candidates. See how many calls it takes and what it
          will cost before you start. Have a production log (JSONL, CSV, Portkey export)?{" "}
          <Link href="/experiments/import" className="text-blue-700 underline dark:text-blue-300">Replay the log instead</Link> — its recorded answers
          count as the baseline&apos;s and are not bought again.
        </p>
      </div>
      <NewExperimentForm models={models} />
    </div>
  );
}
