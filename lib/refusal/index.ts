// Public API of the refusal module (pure: safe for the client and for tests).
// XSTest file loading lives in ./csv-read (node only) and is not re-exported here.

export { classifyRefusalText, scoreRefusalText, REFUSAL_THRESHOLD } from "./classifier";
export type { RefusalClassification, RefusalKind, RefusalScore, FeatureHit, RefusalFeatureGroup } from "./classifier";
export { detectRefusal } from "./detect";
export type { DetectRefusalInput, RefusalDetection } from "./detect";
export {
  confusion,
  addConfusion,
  metricsFrom,
  measure,
  measureXstest,
  isXstestRefusal,
  formatMeasureTable,
} from "./measure";
export type { Confusion, Metrics, LabelledPrediction, EvalSet, MeasureResult, LabelledText } from "./measure";
