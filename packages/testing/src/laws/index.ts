/**
 * `@ticketfold/testing/laws` — ready-made laws for your own policy and calendar, as fast-check
 * properties: `checkPolicyLaws(policy)`, `checkCalendarLaws(calendar)` (or `policyLaws` /
 * `calendarLaws`, one test per law), and the minute oracle the calendar laws compare against;
 * `referenceSlaStatus`, the readable SLA evaluator the core's fast SLA reader is property-tested
 * against (here beside the minute oracle, being the same kind of thing: slow, plain code to
 * check the fast code with, on your own policies too; not in `@ticketfold/core/internal`, which
 * is for benchmarks and would ship test code in the production package).
 */
export { type MinuteOracle, minuteOracle } from "../calendar/minuteOracle.js";
export {
  referenceMetricStatus,
  referenceSlaStatus,
  type SlaTimeline,
  slaTimeline,
} from "../sla-reference/referenceSlaStatus.js";
export { coreEngine, engineWith, type SlaEngine } from "../ticket-run/engine.js";
export {
  CALENDAR_LAW_IDS,
  type CalendarLawId,
  type CalendarLawOptions,
  calendarLaws,
  checkCalendarLaws,
} from "./calendar-laws.js";
export {
  assertDecoderNeverThrows,
  type DecoderLawOptions,
  expectDecoderReturns,
  type HostileRecipe,
  hostileRecipeArb,
  hostileValue,
  type PublicDecoder,
  type PublicDecoderOptions,
  publicDecoders,
} from "./decoder-laws.js";
export {
  assertLaw,
  checkLaws,
  describeFailures,
  type Law,
  type LawOutcome,
  type LawReport,
  type LawRunOptions,
  LawsFailed,
  lawBroken,
  runLaw,
} from "./law.js";
export { POLICY_LAW_IDS, type PolicyLawId } from "./policy/context.js";
export { checkPolicyLaws, type PolicyLawOptions, policyLaws } from "./policy-laws.js";
