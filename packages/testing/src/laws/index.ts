/**
 * `@ticketfold/testing/laws` — ready-made laws for your own policy and calendar, as fast-check
 * properties: `checkPolicyLaws(policy)`, `checkCalendarLaws(calendar)` (or `policyLaws` /
 * `calendarLaws`, one test per law), and the minute oracle the calendar laws compare against.
 */
export { type MinuteOracle, minuteOracle } from "../calendar/minuteOracle.js";
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
