// The recommendation: pure, plain data in and out.
export { recommend } from "./recommend";
export { UPGRADE_MAX_COST_RATIO } from "./assess";
export type { Confidence, ExcludedCases, ModelAggregate, Recommendation, RecommendInput, Verdict } from "./types";
