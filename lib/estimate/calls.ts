// How many calls a run makes. Pure and dependency-free: the /experiments/new form uses it for an instant count while
// the cost estimate is computed on the server.

export interface CallCounts {
  /** Answers in the report: every case x every model (recorded production answers included). */
  answers: number;
  /** Baseline answers taken from the log instead of calling the model again. */
  recorded: number;
  modelCalls: number;
  /** One judge call per answer (retries of a malformed verdict not counted). */
  judgeCalls: number;
  total: number;
}

export function countRunCalls(input: { cases: number; models: number; judge: boolean; recorded?: number }): CallCounts {
  const cases = Math.max(0, Math.floor(input.cases));
  const models = Math.max(0, Math.floor(input.models));
  const answers = cases * models;
  const recorded = models > 0 ? Math.min(Math.max(0, Math.floor(input.recorded ?? 0)), cases) : 0;
  const modelCalls = answers - recorded;
  const judgeCalls = input.judge ? answers : 0;
  return { answers, recorded, modelCalls, judgeCalls, total: modelCalls + judgeCalls };
}
