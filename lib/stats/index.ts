// Statistics used by the report and the recommendation: pure functions over plain arrays.
export type { Interval } from "./types";
export { mulberry32, randomIndex, type Random } from "./prng";
export { mean, variance, standardDeviation, quantile, quantileSorted, percentile } from "./descriptive";
export { lnGamma, regularizedIncompleteBeta, studentTCdf, studentTQuantile } from "./student-t";
export { meanConfidenceInterval, type MeanInterval } from "./mean-ci";
export { pairedDifferences, type PairedValues } from "./paired";
export {
  pairedBootstrapRelativeChangeCI,
  relativeChangePercent,
  DEFAULT_BOOTSTRAP_ITERATIONS,
  DEFAULT_BOOTSTRAP_SEED,
  type BootstrapOptions,
  type RelativeChangeEstimate,
} from "./bootstrap";
export { wilsonInterval } from "./wilson";
export { casesNeededForWidth, additionalCasesToSettle, type SettleInput } from "./sample-size";
