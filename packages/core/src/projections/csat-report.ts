/**
 * Customer satisfaction (P-A: "After your ticket is resolved … asking for your feedback …
 * positive, neutral, or negative"): per period, the distribution of ratings, their average on
 * the scale positive = 1, neutral = 0, negative = −1, and the response rate — rated
 * resolutions over resolutions. A rating is one answer per resolution cycle (decide refuses a
 * second one, FEEDBACK_ALREADY_GIVEN), so each rated cycle counts once. A rating belongs to the
 * period of its cycle's resolution (so the rate compares like with like), or, for a cycle
 * closed without a resolution, to the period of the rating itself (it then counts in the
 * distribution, not in the rate).
 */
import type { ReportPeriod } from "./report-periods.js";
import { periodOf } from "./report-periods.js";
import { inRange, type ReportQuery, selectFacts } from "./sla-report.js";
import type { TicketFacts } from "./ticket-facts.js";

export type RatingValue = "positive" | "neutral" | "negative";

export interface CsatRow {
  readonly period: string;
  readonly ratings: number;
  readonly distribution: Readonly<Record<RatingValue, number>>;
  /** Mean score (positive 1, neutral 0, negative −1); null without ratings. */
  readonly average: number | null;
  /** Resolutions in the period, and how many of them were rated. */
  readonly resolutions: number;
  readonly rated: number;
  /** rated / resolutions; null without resolutions. */
  readonly responseRate: number | null;
}

const SCORE: Readonly<Record<RatingValue, number>> = { positive: 1, neutral: 0, negative: -1 };

interface Tally {
  distribution: Record<RatingValue, number>;
  resolutions: number;
  rated: number;
}

const tallyOf = (rows: Map<string, Tally>, period: string): Tally => {
  let row = rows.get(period);
  if (row === undefined) {
    row = { distribution: { positive: 0, neutral: 0, negative: 0 }, resolutions: 0, rated: 0 };
    rows.set(period, row);
  }
  return row;
};

/** Adds one ticket's resolutions and ratings to the tallies. */
const tallyTicket = (rows: Map<string, Tally>, f: TicketFacts, q: ReportQuery, period: ReportPeriod): void => {
  const resolvedAt = new Map<number, number>();
  for (const r of f.resolutions) resolvedAt.set(r.cycle, r.at);
  const rated = new Set(f.ratings.map((r) => r.cycle));
  for (const [cycle, at] of resolvedAt) {
    if (!inRange(q, at)) continue;
    const row = tallyOf(rows, periodOf(at, f.timeZone, period));
    row.resolutions += 1;
    if (rated.has(cycle)) row.rated += 1;
  }
  const counted = new Set<number>();
  for (const r of f.ratings) {
    // The first rating of a cycle is the answer (a stream written before the refusal may hold two).
    if (counted.has(r.cycle)) continue;
    counted.add(r.cycle);
    const at = resolvedAt.get(r.cycle) ?? r.at;
    if (!inRange(q, at) || !(r.rating in SCORE)) continue;
    tallyOf(rows, periodOf(at, f.timeZone, period)).distribution[r.rating as RatingValue] += 1;
  }
};

/** CSAT per period of the tickets a query selects, sorted by period. */
export const csatReport = (facts: Iterable<TicketFacts>, q: ReportQuery): CsatRow[] => {
  const rows = new Map<string, Tally>();
  for (const f of selectFacts(facts, q)) tallyTicket(rows, f, q, q.period);
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, t]) => {
      const { positive, neutral, negative } = t.distribution;
      const ratings = positive + neutral + negative;
      return {
        period,
        ratings,
        distribution: { ...t.distribution },
        average: ratings === 0 ? null : (positive - negative) / ratings,
        resolutions: t.resolutions,
        rated: t.rated,
        responseRate: t.resolutions === 0 ? null : t.rated / t.resolutions,
      };
    });
};
