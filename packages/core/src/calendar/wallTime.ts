/**
 * Wall-clock times of the weekly template, written `HH:MM` (semantics: Calendars). `24:00`
 * exists only as the end of an interval: the midnight that closes the day.
 */
import * as t from "io-ts";
import { withJsonSchema } from "../shared/json-schema.js";

const WALL_TIME = /^(\d{2}):(\d{2})$/;

/** Minutes after local midnight of `HH:MM` (00:00–23:59, or 24:00 when `asEnd`); `undefined` when malformed. */
export const parseWallTime = (s: string, asEnd = false): number | undefined => {
  const m = WALL_TIME.exec(s);
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (asEnd && h === 24 && min === 0) return 1440;
  return h <= 23 && min <= 59 ? h * 60 + min : undefined;
};

/** Formats minutes after midnight as `HH:MM` (1440 → `24:00`). */
export const formatWallTime = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const wallTimeCodec = (name: string, asEnd: boolean) =>
  withJsonSchema(
    new t.Type<string, string, unknown>(
      name,
      (u): u is string => typeof u === "string" && parseWallTime(u, asEnd) !== undefined,
      (u, c) => {
        if (typeof u === "string" && parseWallTime(u, asEnd) !== undefined) return t.success(u);
        if (u === "24:00") return t.failure(u, c, '"24:00" is allowed only as the end of an interval');
        const range = asEnd ? "00:00–24:00" : "00:00–23:59";
        return t.failure(u, c, `expected a wall time "HH:MM" (${range}), got ${JSON.stringify(u) ?? typeof u}`);
      },
      (s) => s,
    ),
    {
      type: "string",
      pattern: asEnd ? "^(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)$" : "^(?:[01]\\d|2[0-3]):[0-5]\\d$",
    },
    name,
  );

/** A start time, `00:00`–`23:59`. */
export const StartTimeC = wallTimeCodec("StartTime", false);
/** An end time, `00:01`–`24:00`. */
export const EndTimeC = wallTimeCodec("EndTime", true);
