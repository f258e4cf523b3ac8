/**
 * The only place that talks to Temporal: IANA zone validation, wall time → instant with the
 * "compatible" disambiguation (a nonexistent time in the spring-forward gap resolves to the
 * later instant, an ambiguous one at fall-back to the earlier; semantics: Time), instant →
 * wall time, and the zone's offset transitions. All other calendar arithmetic is ours.
 */
import * as t from "io-ts";
import { Temporal } from "temporal-polyfill";
import { DAY, HOUR, MINUTE, SECOND } from "../shared/duration.js";
import { withJsonSchema } from "../shared/json-schema.js";
import { civilFromDays } from "./civilDate.js";

/** The canonical id of an IANA time zone (`europe/berlin` → `Europe/Berlin`); `undefined` when unknown. */
export const canonicalTimeZone = (zone: string): string | undefined => {
  // Temporal also accepts bare offsets (`+01:00`); a calendar names a region or `UTC`.
  if (!/^[A-Za-z]/.test(zone)) return undefined;
  try {
    return new Temporal.ZonedDateTime(0n, zone).timeZoneId;
  } catch {
    return undefined;
  }
};

/** An IANA time-zone name such as `Europe/Berlin`, `America/New_York` or `UTC`. */
export const TimeZoneC = withJsonSchema(
  new t.Type<string, string, unknown>(
    "TimeZone",
    (u): u is string => typeof u === "string" && canonicalTimeZone(u) !== undefined,
    (u, c) =>
      typeof u === "string" && canonicalTimeZone(u) !== undefined
        ? t.success(u)
        : t.failure(u, c, `expected an IANA time zone like "Europe/Berlin", got ${JSON.stringify(u) ?? typeof u}`),
    (s) => s,
  ),
  {
    type: "string",
    pattern: "^[A-Za-z]",
    description: 'An IANA time zone such as "Europe/Berlin", "America/New_York" or "UTC".',
    examples: ["Europe/Berlin", "America/New_York", "UTC"],
  },
);

/**
 * The instant of a wall time (milliseconds of local date-time written as if UTC). Gap → later
 * instant, overlap → earlier instant ("compatible"; semantics: Time).
 */
export const wallToInstant = (zone: string, wall: number): number => {
  const days = Math.floor(wall / DAY);
  const { year, month, day } = civilFromDays(days);
  let rest = wall - days * DAY;
  const hour = Math.floor(rest / HOUR);
  rest -= hour * HOUR;
  const minute = Math.floor(rest / MINUTE);
  rest -= minute * MINUTE;
  const second = Math.floor(rest / SECOND);
  const ms = rest - second * SECOND;
  return new Temporal.PlainDateTime(year, month, day, hour, minute, second, ms).toZonedDateTime(zone, {
    disambiguation: "compatible",
  }).epochMilliseconds;
};

/** The zone's UTC offset (milliseconds) at an instant. */
export const offsetAt = (zone: string, at: number): number =>
  Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).offsetNanoseconds / 1_000_000;

/** The wall time (local date-time written as if UTC) of an instant. */
export const instantToWall = (zone: string, at: number): number => at + offsetAt(zone, at);

export interface OffsetChange {
  readonly at: number;
  /** The offset in force from `at` on. */
  readonly offset: number;
}

/** The offset in force at `from`, and every change of it in `(from, to]`. */
export const offsetChanges = (
  zone: string,
  from: number,
  to: number,
): { readonly initial: number; readonly changes: readonly OffsetChange[] } => {
  let zdt: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(zone);
  const initial = zdt.offsetNanoseconds / 1_000_000;
  const changes: OffsetChange[] = [];
  for (;;) {
    zdt = zdt.getTimeZoneTransition("next");
    if (zdt === null || zdt.epochMilliseconds > to) break;
    changes.push({ at: zdt.epochMilliseconds, offset: zdt.offsetNanoseconds / 1_000_000 });
  }
  return { initial, changes };
};
