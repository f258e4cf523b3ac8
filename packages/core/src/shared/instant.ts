/**
 * Instants: every point in time in Ticketfold is a UTC instant, held in memory as
 * milliseconds since the Unix epoch and written as an ISO-8601 string on the wire.
 * The core never reads a clock: `now` is always an argument (semantics: Time).
 */
import * as t from "io-ts";
import { withJsonSchema } from "./json-schema.js";

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type Instant = number;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 instant that names its offset (`Z` or `±hh:mm`); `undefined` when it (or a value that is not text) is not one. */
export const parseInstant = (s: string): Instant | undefined => {
  if (typeof s !== "string" || !ISO_INSTANT.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : ms;
};

/** Formats an instant as `2025-03-03T13:00:00.000Z`. */
export const formatInstant = (at: Instant): string => new Date(at).toISOString();

const MAX_INSTANT = 8.64e15;

/** io-ts codec: ISO-8601 string with an offset on the wire ⇄ epoch milliseconds in memory. */
export const InstantC = withJsonSchema(
  new t.Type<Instant, string, unknown>(
    "Instant",
    (u): u is Instant => typeof u === "number" && Number.isInteger(u) && Math.abs(u) <= MAX_INSTANT,
    (u, c) => {
      if (typeof u !== "string") {
        return t.failure(u, c, "expected an ISO-8601 instant with an offset, like 2025-03-03T13:00:00Z");
      }
      const ms = parseInstant(u);
      return ms === undefined
        ? t.failure(u, c, `"${u}" is not an ISO-8601 instant with an offset (like 2025-03-03T13:00:00Z)`)
        : t.success(ms);
    },
    formatInstant,
  ),
  {
    type: "string",
    pattern: ISO_INSTANT.source,
    description: "An ISO-8601 instant with its offset, like 2025-03-03T13:00:00Z.",
  },
  "Instant",
);
