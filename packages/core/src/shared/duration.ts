/**
 * Durations of counted time, written as in policies: `4h`, `90m`, `3d`, `1h30m`, `45s`.
 * `3d` is 72 hours of counted time, never "three calendar days" (semantics: Time).
 */
import * as t from "io-ts";
import { withJsonSchema } from "./json-schema.js";

/** A duration in milliseconds. */
export type Duration = number;

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const UNIT: Record<string, number> = { d: DAY, h: HOUR, m: MINUTE, s: SECOND };
const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Parses `4h`, `90m`, `3d`, `1h30m`; `undefined` when the text (or a value that is not text) is not a duration. */
export const parseDuration = (s: string): Duration | undefined => {
  if (typeof s !== "string") return undefined;
  const m = DURATION.exec(s.trim());
  if (!m || s.trim() === "") return undefined;
  const [, d, h, mi, se] = m;
  return Number(d ?? 0) * DAY + Number(h ?? 0) * HOUR + Number(mi ?? 0) * MINUTE + Number(se ?? 0) * SECOND;
};

/** Formats a duration in the same notation, largest units first (`1h30m`, `0m`, `-2h`). */
export const formatDuration = (ms: Duration): string => {
  if (ms < 0) return `-${formatDuration(-ms)}`;
  let rest = Math.round(ms / SECOND) * SECOND;
  let out = "";
  for (const [unit, size] of Object.entries(UNIT)) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out === "" ? "0m" : out;
};

/** io-ts codec: `"4h"` on the wire ⇄ milliseconds in memory. */
export const DurationC = withJsonSchema(
  new t.Type<Duration, string, unknown>(
    "Duration",
    (u): u is Duration => typeof u === "number" && Number.isFinite(u) && u >= 0,
    (u, c) => {
      if (typeof u !== "string") return t.failure(u, c, 'expected a duration like "4h", "90m" or "3d"');
      const ms = parseDuration(u);
      return ms === undefined
        ? t.failure(u, c, `"${u}" is not a duration like "4h", "90m", "3d" or "1h30m"`)
        : t.success(ms);
    },
    formatDuration,
  ),
  {
    type: "string",
    pattern: "^\\s*(?=\\S)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?\\s*$",
    description: 'Counted time: "4h", "90m", "3d" (72 hours of counted time), "1h30m", "45s".',
    examples: ["4h", "90m", "1h30m"],
  },
  "Duration",
);
