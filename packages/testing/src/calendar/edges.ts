/**
 * Instants where calendar arithmetic goes wrong if it goes wrong anywhere: right at, just
 * before and just after a zone's offset change (DST), an interval's opening or closing instant,
 * and local midnight. The edges are computed from the definition with Temporal, not with the
 * core's calendar, so a generated instant never trusts the code under test.
 */
import type { CalendarDef, Instant, WallInterval } from "@ticketfold/core";
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { zoneTransitions } from "./zoneTransitions.js";

const MIN = 60_000;
const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export interface EdgeOptions {
  /** The first instant (inclusive). */
  readonly from: Instant;
  /** The last instant (inclusive). */
  readonly to: Instant;
  /** Whole minutes only (what the minute oracle takes); default false: milliseconds too. */
  readonly minuteAligned?: boolean;
}

/** Offsets from an edge: on it, a millisecond or a minute either side, a quarter or an hour away. */
const nudgeArb = (minuteAligned: boolean): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(0) },
    { weight: minuteAligned ? 0 : 2, arbitrary: fc.constantFrom(-1, 1) },
    { weight: 3, arbitrary: fc.constantFrom(-MIN, MIN) },
    { weight: 2, arbitrary: fc.constantFrom(-15 * MIN, 15 * MIN, -60 * MIN, 60 * MIN) },
  );

const wallInstant = (zone: string, date: Temporal.PlainDate, hhmm: string): Instant => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const day = h === 24 ? date.add({ days: 1 }) : date;
  return day.toPlainDateTime({ hour: h === 24 ? 0 : h, minute: m }).toZonedDateTime(zone).epochMilliseconds;
};

/** The wall-clock edges of a local date: its intervals' starts and ends (the weekly template's), and midnight. */
const edgesOfDate = (
  zone: string,
  week: Partial<Record<string, readonly WallInterval[]>>,
  date: Temporal.PlainDate,
) => {
  const hours = week[DAY_NAMES[date.dayOfWeek - 1] ?? "mon"] ?? [];
  return [
    wallInstant(zone, date, "00:00"),
    ...hours.flatMap(([s, e]) => [wallInstant(zone, date, s), wallInstant(zone, date, e)]),
  ];
};

/**
 * An instant in `[from, to]` near an edge of the calendar (see the module note); a 24x7
 * calendar has no edges but UTC midnight.
 */
export const instantNearEdgesArb = (calendar: CalendarDef, options: EdgeOptions): fc.Arbitrary<Instant> => {
  const minuteAligned = options.minuteAligned ?? false;
  const [from, to] = minuteAligned
    ? [Math.ceil(options.from / MIN) * MIN, Math.floor(options.to / MIN) * MIN]
    : [options.from, options.to];
  const zone = calendar.kind === "24x7" ? "UTC" : calendar.timeZone;
  const week = calendar.kind === "24x7" ? {} : calendar.week;
  const fromYear = new Date(from).getUTCFullYear() - 1;
  const toYear = new Date(to).getUTCFullYear() + 1;
  const changes = zoneTransitions(zone, fromYear, toYear).filter((t) => t >= from && t <= to);
  const base = fc.integer({ min: Math.ceil(from / MIN), max: Math.floor(to / MIN) }).map((m) => m * MIN);
  const intervalEdge = fc.tuple(base, fc.nat()).map(([t, pick]) => {
    const date = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(zone).toPlainDate();
    const edges = edgesOfDate(zone, week, date);
    return edges[pick % edges.length] ?? t;
  });
  const edge = changes.length > 0 ? fc.oneof(intervalEdge, fc.constantFrom(...changes)) : intervalEdge;
  return fc
    .tuple(fc.oneof({ weight: 4, arbitrary: edge }, { weight: 1, arbitrary: base }), nudgeArb(minuteAligned))
    .map(([t, nudge]) => Math.min(to, Math.max(from, t + nudge)));
};
