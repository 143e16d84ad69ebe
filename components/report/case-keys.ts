// TanStack Query keys of the per-case explorer (one factory, so invalidation after a run reaches every page).

export interface CaseParams {
  filter: string;
  q: string;
  model: string | null;
  offset: number;
  limit: number;
}

export const caseKeys = {
  all: ["cases"] as const,
  page: (endpoint: string, p: CaseParams) => ["cases", endpoint, p] as const,
};
