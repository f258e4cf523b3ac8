/**
 * Decisions that keep reports honest: a customer's rating is one answer per resolution cycle
 * (a second is refused, never silently replaces the first), and a logged time entry is fixed
 * by a correction that names it, says why, and never takes it below zero (docs/reports.md).
 */
import * as E from "fp-ts/lib/Either.js";
import { formatInstant } from "../shared/instant.js";
import type { CommandOf } from "../ticket/commands.js";
import type { TicketState } from "../ticket/state.js";
import { type Decision, eventFrom, ok } from "./build.js";

/** A rating for the current resolution cycle, unless that cycle was rated already. */
export const decideFeedback = (c: CommandOf<"give-feedback">, s: TicketState): Decision => {
  const cycle = s.reopenedAt.length;
  const given = s.ratings.find((r) => r.cycle === cycle);
  if (given !== undefined) {
    return E.left({
      code: "FEEDBACK_ALREADY_GIVEN",
      cycle,
      rating: given.rating,
      givenAt: given.at,
      message: `this resolution was rated "${given.rating}" at ${formatInstant(given.at)}; a rating is not replaced`,
    });
  }
  return ok(eventFrom(c, "feedback-given", c.data));
};

const invalid = (field: string, message: string): Decision => E.left({ code: "INVALID_VALUE", field, message });

/**
 * A correction of a logged entry: the entry must exist on this ticket, the change be a whole
 * non-zero number of minutes, and the entry's corrected total stay within 0..1440 minutes.
 * Without `minutes` the entry is reversed (its whole remaining total taken off).
 */
export const decideCorrectTime = (c: CommandOf<"correct-time">, s: TicketState): Decision => {
  const entry = s.timeEntries.find((x) => x.entry === c.data.entry);
  if (entry === undefined) {
    const known = s.timeEntries.map((x) => x.entry);
    return invalid(
      "entry",
      `no time entry ${c.data.entry} on this ticket (its entries: ${known.length === 0 ? "none" : known.join(", ")})`,
    );
  }
  const minutes = c.data.minutes ?? -entry.minutes;
  if (!Number.isInteger(minutes) || minutes === 0) {
    return invalid(
      "minutes",
      entry.minutes === 0 ? "the entry is already reversed" : "a correction is a whole number of minutes other than 0",
    );
  }
  const total = entry.minutes + minutes;
  if (total < 0 || total > 24 * 60) {
    return invalid(
      "minutes",
      `entry ${entry.entry} counts ${entry.minutes} minutes; a change of ${minutes} would make it ${total} (allowed: 0 to 1440)`,
    );
  }
  return ok(eventFrom(c, "time-corrected", { entry: entry.entry, minutes, reason: c.data.reason }));
};
