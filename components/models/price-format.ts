// Prices are stored per token and shown per 1M tokens, with as many digits as they have ($0.075, $15).

export function perMillionValue(perToken: number): number {
  return Number((perToken * 1e6).toPrecision(6));
}

export function perMillionText(perToken: number | null | undefined): string {
  if (perToken === null || perToken === undefined || !Number.isFinite(perToken)) return "—";
  return `$${perMillionValue(perToken)}`;
}
