/**
 * Booking a working session (P-A: "you will receive a scheduling link … Choose a convenient
 * time to work with an engineer"; P-B: "book a time with an IT Pro", Mon–Fri 9:00 AM–4:00 PM).
 * When the policy names the engineers' calendar (`workflow.sessions.calendar`), the whole
 * session must be open time on it — no Saturday 03:00 — and it may not overlap another session
 * of the ticket. Without that setting only a positive length is checked.
 */
import * as E from "fp-ts/lib/Either.js";
import { compiledPolicyOf } from "../policy/compile.js";
import type { Policy } from "../policy/policy.js";
import { formatInstant } from "../shared/instant.js";
import type { CommandOf } from "../ticket/commands.js";
import type { TicketState } from "../ticket/state.js";
import { type Decision, eventFrom, ok } from "./build.js";

export const decideScheduleSession = (c: CommandOf<"schedule-session">, s: TicketState, policy: Policy): Decision => {
  const { start, length } = c.data;
  if (!(length > 0))
    return E.left({ code: "INVALID_VALUE", field: "length", message: "a working session needs a length above zero" });
  const end = start + length;
  const compiled = compiledPolicyOf(policy);
  const cal = E.isRight(compiled) ? compiled.right.sessions?.calendar : undefined;
  if (cal !== undefined && cal.between(start, end) !== length)
    return E.left({
      code: "SESSION_NOT_BOOKABLE",
      start,
      end,
      nextOpen: cal.nextOpen(start),
      message: `a session from ${formatInstant(start)} to ${formatInstant(end)} is not inside the bookable hours of calendar ${cal.id}`,
    });
  const other = s.sessions.find((b) => b.start < end && start < b.start + b.length);
  if (other !== undefined)
    return E.left({
      code: "SESSION_CONFLICT",
      start,
      end,
      conflictsWith: { start: other.start, end: other.start + other.length },
      message: `a session from ${formatInstant(start)} to ${formatInstant(end)} overlaps the session booked from ${formatInstant(other.start)} to ${formatInstant(other.start + other.length)}`,
    });
  return ok(eventFrom(c, "session-scheduled", c.data));
};
