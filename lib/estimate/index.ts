// Public API of lib/estimate: what a run will cost before it starts.
export { countRunCalls, type CallCounts } from "./calls";
export {
  estimateRun,
  judgeTemplateTokens,
  renderedPromptTokens,
  EXACT_CHAR_BUDGET,
  JUDGE_MAX_TOKENS,
  type EstimateModel,
  type EstimateRunInput,
  type JudgeEstimate,
  type ModelEstimate,
  type RunEstimate,
} from "./estimate";
export { chatTokens, countTokens, ESTIMATE_TOKENIZER, memoCounter, TOKENS_PER_MESSAGE, TOKENS_PER_REPLY, type CountableMessage, type TokenCounter } from "./tokens";
