"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CasesPage } from "@/lib/report/case-types";
import { caseKeys, type CaseParams } from "./case-keys";

// One page of the explorer from the cases API (the owner's or the share token's: same shape).

async function fetchCases(endpoint: string, p: CaseParams, signal: AbortSignal): Promise<CasesPage> {
  const qs = new URLSearchParams({ offset: String(p.offset), limit: String(p.limit), filter: p.filter });
  if (p.q) qs.set("q", p.q);
  if (p.model) qs.set("model", p.model);
  const res = await fetch(`${endpoint}?${qs}`, { signal, headers: { accept: "application/json" } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `Could not load the cases (${res.status}).`);
  }
  return (await res.json()) as CasesPage;
}

export function useCases(endpoint: string, params: CaseParams) {
  return useQuery({
    queryKey: caseKeys.page(endpoint, params),
    queryFn: ({ signal }) => fetchCases(endpoint, params, signal),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}
