// Public API of lib/judge: the judge prompt, parsing and validating its verdict, rubric checks, and grading one answer.
export {
  correctiveMessage,
  gradeAnswer,
  MAX_JUDGE_ATTEMPTS,
  type GradeInput,
  type GradeResult,
  type JudgeCall,
  type JudgeCallOptions,
} from "./grade";
export { extractJsonObject, judgeVerdictSchema, parseJudgeOutput, MAX_JUDGE_OUTPUT_CHARS, type JudgeParseResult } from "./parse";
export {
  buildJudgeMessages,
  JUDGE_PROMPT_VERSION,
  judgeResponseFormat,
  markerId,
  renderPrompt,
  type BuildJudgeMessagesInput,
  type JudgeMessage,
  type JudgePromptInput,
  type JudgeResponseFormat,
  type PromptMessage,
} from "./prompt";
export {
  formatRubricErrors,
  MAX_CRITERIA,
  MAX_CRITERION_NAME_LENGTH,
  validateRubric,
  weightedQuality,
  WEIGHT_SUM_TOLERANCE,
  type RubricFieldError,
  type RubricValidation,
} from "./rubric";
export { selfPreferenceWarning } from "./self-preference";
