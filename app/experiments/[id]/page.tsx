import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ReportView } from "@/components/report/report-view";
import { AppError } from "@/lib/errors";
import { loadReportData } from "@/lib/report/report-data";
import { experimentIdSchema } from "@/lib/schemas/experiment";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

// One load per request: generateMetadata and the page share it (React's cache is scoped to the request).
const load = cache(async (id: string) => {
  if (!experimentIdSchema.safeParse(id).success) notFound();
  try {
    return await loadReportData(id);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const data = await load(id);
  return { title: data.name };
}

export default async function ExperimentPage({ params }: Params) {
  const { id } = await params;
  const data = await load(id);
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="text-blue-700 hover:underline dark:text-blue-300">
          ← Experiments
        </Link>
      </nav>
      <ReportView data={data} readOnly={false} experimentId={id} casesEndpoint={`/api/experiments/${id}/cases`} />
    </div>
  );
}
