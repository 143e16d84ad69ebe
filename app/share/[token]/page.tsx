import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportView } from "@/components/report/report-view";
import { AppError } from "@/lib/errors";
import { loadReportData } from "@/lib/report/report-data";
import { resolveShareToken } from "@/lib/share/resolve";

// The read-only report behind a share link. Nothing here names the experiment's id: no links to /experiments/…, no
// exports, no run controls; the explorer reads its cases through the token-scoped API.

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Shared report",
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  referrer: "no-referrer",
};

export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = token.length <= 200 ? await resolveShareToken(token) : null;
  if (!link) notFound();
  let data;
  try {
    data = await loadReportData(link.experimentId);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
  return <ReportView data={data} readOnly casesEndpoint={`/api/share/${encodeURIComponent(token)}/cases`} />;
}
