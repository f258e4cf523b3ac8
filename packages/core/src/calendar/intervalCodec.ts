/**
 * Codecs for the opening hours of one day: a list of half-open intervals `[start, end)` in
 * wall time (semantics: Calendars). An interval may not be empty, may not span midnight
 * (`24:00` ends the day), and intervals of a day may touch but not overlap. Each failure
 * names the interval's index, so the path reads `week.mon[1]`.
 */
import * as t from "io-ts";
import { withJsonSchema } from "../shared/json-schema.js";
import { EndTimeC, formatWallTime, parseWallTime, StartTimeC } from "./wallTime.js";

/** `[start, end)` in `HH:MM` wall time. */
export type WallInterval = readonly [start: string, end: string];

const isInterval = (u: unknown): u is WallInterval =>
  Array.isArray(u) &&
  u.length === 2 &&
  StartTimeC.is(u[0]) &&
  EndTimeC.is(u[1]) &&
  (parseWallTime(u[0]) ?? 0) < (parseWallTime(u[1], true) ?? 0);

/** One interval `["09:00", "12:00"]`. */
export const IntervalC = withJsonSchema(
  new t.Type<WallInterval, WallInterval, unknown>(
    "Interval",
    isInterval,
    (u, c) => {
      if (!Array.isArray(u) || u.length !== 2) {
        return t.failure(u, c, 'expected an interval ["HH:MM", "HH:MM"] (start, end)');
      }
      const [s, e] = u as unknown[];
      const errors: t.ValidationError[] = [];
      const start = StartTimeC.validate(s, t.appendContext(c, "0", StartTimeC, s));
      const end = EndTimeC.validate(e, t.appendContext(c, "1", EndTimeC, e));
      if (start._tag === "Left") errors.push(...start.left);
      if (end._tag === "Left") errors.push(...end.left);
      if (start._tag === "Left" || end._tag === "Left") return t.failures(errors);
      const [from, to] = [parseWallTime(start.right) ?? 0, parseWallTime(end.right, true) ?? 0];
      if (to === from) return t.failure(u, c, `the interval [${start.right}, ${end.right}] is empty (start = end)`);
      if (to < from) {
        return t.failure(
          u,
          c,
          `the interval [${start.right}, ${end.right}] ends before it starts; an interval may not span midnight — ` +
            `split it into [${start.right}, 24:00] and [00:00, ${end.right}] on the next day`,
        );
      }
      return t.success([start.right, end.right] as const);
    },
    (i) => i,
  ),
  // Start before end (no span over midnight) is the decoder's to check.
  ({ schemaOf }) => ({
    type: "array",
    prefixItems: [schemaOf(StartTimeC), schemaOf(EndTimeC)],
    minItems: 2,
    items: false,
    description: 'Open from start to end, wall time: ["09:00", "17:00"]; "24:00" ends the day.',
  }),
  "Interval",
);

const minutesOf = (i: WallInterval): readonly [number, number] => [
  parseWallTime(i[0]) ?? 0,
  parseWallTime(i[1], true) ?? 0,
];

/** The intervals of one day, in any order; touching is fine, overlapping is an error. */
export const DayIntervalsC = withJsonSchema(
  new t.Type<readonly WallInterval[], readonly WallInterval[], unknown>(
    "DayIntervals",
    (u): u is readonly WallInterval[] => Array.isArray(u) && u.every(isInterval),
    (u, c) => {
      if (!Array.isArray(u)) return t.failure(u, c, 'expected a list of intervals like [["09:00", "12:00"]]');
      const errors: t.ValidationError[] = [];
      const ok: WallInterval[] = [];
      u.forEach((item, i) => {
        const r = IntervalC.validate(item, t.appendContext(c, String(i), IntervalC, item));
        if (r._tag === "Left") errors.push(...r.left);
        else ok.push(r.right);
      });
      if (errors.length > 0) return t.failures(errors);
      // Sort by start to find overlaps; report the later interval, naming the one it overlaps.
      const order = ok.map((iv, i) => ({ i, m: minutesOf(iv) })).sort((a, b) => a.m[0] - b.m[0]);
      for (let k = 1; k < order.length; k++) {
        const prev = order[k - 1]!;
        const cur = order[k]!;
        if (cur.m[0] < prev.m[1]) {
          const shown = `[${formatWallTime(prev.m[0])}, ${formatWallTime(prev.m[1])}]`;
          errors.push({
            value: u[cur.i],
            context: t.appendContext(c, String(cur.i), IntervalC, u[cur.i]),
            message: `overlaps the interval ${shown} at index ${prev.i}`,
          });
        }
      }
      return errors.length > 0 ? t.failures(errors) : t.success(ok);
    },
    (a) => a,
  ),
  ({ schemaOf }) => ({ type: "array", items: schemaOf(IntervalC) }),
  "DayIntervals",
);

/** A day's intervals as sorted minute pairs `[from, to)` (1440 = 24:00). */
export const toMinuteIntervals = (intervals: readonly WallInterval[]): readonly (readonly [number, number])[] =>
  intervals.map(minutesOf).sort((a, b) => a[0] - b[0]);
