// Log importers: JSONL prompt logs, CSV with a column mapping, Portkey logs exports and AlpacaEval model outputs,
// read as streams into normalised cases. Everything here runs on the server (node:crypto, node streams).
export { readCases } from "./read";
export { scanImport, OTHER_MODELS } from "./scan";
export { previewCsv, type CsvPreview } from "./csv-preview";
export { suggestCsvMapping, guessDelimiter } from "./csv-suggest";
export { detectFormat } from "./detect";
export { promptHash } from "./hash";
export { caseFromJsonRecord } from "./jsonl-record";
export { caseFromPortkeyRecord } from "./portkey";
export { caseFromAlpacaRecord } from "./alpaca";
export { csvMappingSchema, importFormatSchema, importOptionsSchema } from "./schemas";
export {
  DEFAULT_MAX_LINE_BYTES,
  IMPORT_FORMATS,
  type BadRecord,
  type ChatMessage,
  type CsvMapping,
  type ImportEvent,
  type ImportFormat,
  type ImportSource,
  type ImportedCase,
  type Mapped,
  type ReadOptions,
  type ScanResult,
  type Usage,
} from "./types";
