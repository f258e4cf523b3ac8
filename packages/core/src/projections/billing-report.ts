/**
 * Billable time (P-B: "You are only billed for time worked on Change Requests, Projects, and
 * Out of Service Plan items") per month, agent and category, with corrections netted in. A
 * logged entry is corrected by a `time-corrected` event naming it (decide/customer-records.ts:
 * a reason is required and the entry never goes below zero); the correction stays with its
 * entry — same month, agent and billability — so a month's figures are what was really worked
 * then, and `corrected` shows how many minutes corrections took off (or added). Months are
 * civil months in the ticket's policy time zone.
 */
import { periodOf } from "./report-periods.js";
import { inRange, type ReportQuery, selectFacts } from "./sla-report.js";
import type { TicketFacts } from "./ticket-facts.js";

export interface BillingRow {
  /** `YYYY-MM` in the policy's time zone. */
  readonly month: string;
  readonly agent: string;
  readonly category: string;
  /** Minutes after corrections. */
  readonly billable: number;
  readonly unbilled: number;
  /** Net change corrections made to these entries (negative: minutes taken off). */
  readonly corrected: number;
  readonly entries: number;
}

type Tally = { -readonly [K in keyof BillingRow]: BillingRow[K] };

/** Billable and unbilled minutes per month, agent and category, sorted by those keys. */
export const billingReport = (facts: Iterable<TicketFacts>, q: Omit<ReportQuery, "period">): BillingRow[] => {
  const rows = new Map<string, Tally>();
  for (const f of selectFacts(facts, { ...q, period: "month" })) {
    for (const e of f.timeEntries) {
      if (!inRange({ ...q, period: "month" }, e.at)) continue;
      const month = periodOf(e.at, f.timeZone, "month");
      const key = `${month}\u0000${e.agent}\u0000${f.category}`;
      const row = rows.get(key) ?? {
        month,
        agent: e.agent,
        category: f.category,
        billable: 0,
        unbilled: 0,
        corrected: 0,
        entries: 0,
      };
      if (e.billable) row.billable += e.minutes;
      else row.unbilled += e.minutes;
      row.corrected += e.minutes - e.logged;
      row.entries += 1;
      rows.set(key, row);
    }
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
};
