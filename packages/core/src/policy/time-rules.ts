/**
 * Time-driven rules as policy data (docs/design/sla-semantics.md#time-driven-rules): auto-close of resolved
 * tickets (P-D "bearbeitet" closes at a shown time), auto-close of tickets awaiting the customer
 * without a reply (P-D), and priority downgrade after customer silence (P-C: P1 after 3 h).
 * Durations count on `calendar` (a name in `policy.calendars`, default "24x7").
 */
import * as t from "io-ts";
import { DurationC } from "../shared/duration.js";

export const AfterC = t.type({ after: DurationC });

export const DowngradeOnSilenceC = t.type({
  /** Priorities the rule applies to while the ticket awaits the customer. */
  from: t.array(t.string),
  to: t.string,
  after: DurationC,
});
export type DowngradeOnSilence = t.TypeOf<typeof DowngradeOnSilenceC>;

export const TimeRulesC = t.partial({
  calendar: t.string,
  autoCloseResolved: AfterC,
  autoCloseAwaitingCustomer: AfterC,
  downgradeOnSilence: t.array(DowngradeOnSilenceC),
});
export type TimeRules = t.TypeOf<typeof TimeRulesC>;
