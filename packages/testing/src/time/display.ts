/**
 * Instants as failure messages show them: in the calendar's zone with the weekday, and in UTC
 * beside it — `Mon 2025-03-03 10:00 Europe/Berlin (09:00Z)` — so a person reads the desk's time
 * and can still compare instants written in UTC.
 */
import { type Duration, formatDuration, type Instant } from "@ticketfold/core";
import { Temporal } from "temporal-polyfill";

const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

const clock = (z: { hour: number; minute: number; second: number; millisecond: number }): string => {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const hm = `${pad(z.hour)}:${pad(z.minute)}`;
  if (z.second === 0 && z.millisecond === 0) return hm;
  return z.millisecond === 0 ? `${hm}:${pad(z.second)}` : `${hm}:${pad(z.second)}.${pad(z.millisecond, 3)}`;
};

/** `Mon 2025-03-03 10:00 Europe/Berlin (09:00Z)`; the UTC part names its date when it differs. In UTC: `Mon 2025-03-03 09:00Z`. */
export const showInstant = (at: Instant | null | undefined, zone = "UTC"): string => {
  if (at === null || at === undefined) return String(at);
  if (!Number.isFinite(at)) return String(at);
  const utc = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO("UTC");
  const day = (z: Temporal.ZonedDateTime) => `${WEEKDAY_NAMES[z.dayOfWeek - 1]} ${z.toPlainDate().toString()}`;
  if (zone === "UTC") return `${day(utc)} ${clock(utc)}Z`;
  const local = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone);
  const sameDate = local.toPlainDate().equals(utc.toPlainDate());
  const inUtc = sameDate ? `${clock(utc)}Z` : `${utc.toPlainDate().toString()} ${clock(utc)}Z`;
  return `${day(local)} ${clock(local)} ${zone} (${inUtc})`;
};

/** A duration as policies write it (`1h30m`, `-2h`), milliseconds shown when not whole seconds. */
export const showDuration = (d: Duration | null | undefined): string => {
  if (d === null || d === undefined) return String(d);
  return d % 1000 === 0 ? formatDuration(d) : `${d} ms`;
};
