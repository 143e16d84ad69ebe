// Public API of lib/pricing: model prices (Portkey's open catalog + demo prices + overrides) and the cost of a call.
export { costOf, resolvePrice, PRICE_TABLE, PRICE_TABLE_INFO, type PriceOverrides } from "./cost";
export { DEMO_PRICES, DEMO_PRICE_DATE, DEMO_PRICE_SOURCE } from "./demo";
export {
  centsToDollars,
  parsePortkeyPrice,
  portkeySourceLabel,
  readPortkeyPrice,
  PORTKEY_CATALOG_NAME,
  PORTKEY_PRICING_URL,
  type PortkeyPriceResult,
} from "./parse-portkey";
export {
  describePrice,
  diffTables,
  formatSyncReport,
  syncPrices,
  syncTargetsFromCatalog,
  type PriceChange,
  type PriceField,
  type SyncOptions,
  type SyncResult,
  type SyncTarget,
} from "./sync";
export {
  modelPriceSchema,
  parsePriceTable,
  perMillion,
  priceTableFileSchema,
  type PriceTable,
  type PriceTableFile,
  type PriceTableSource,
  type UnpricedEntry,
} from "./table";
