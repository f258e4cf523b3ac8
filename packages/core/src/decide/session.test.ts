/**
 * Booking a session against the engineer's other bookings (issue #13 §5): the decision sees one
 * ticket and the bookings the handler read, and refuses an overlap on another ticket, naming it.
 */
import { agent, commandOf, historyOf, impactPolicy, OTHER_TICKET, openTicket, T0, text } from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { DAY, HOUR } from "../shared/duration.js";
import type { TicketCommand } from "../ticket/commands.js";
import { fold } from "../ticket/evolve.js";
import { decide } from "./decide.js";
import type { SessionBooking } from "./session.js";

const START = T0 + DAY;
const book = (start: number, engineer?: string) =>
  commandOf("schedule-session", {
    start,
    length: HOUR,
    ...(engineer === undefined ? {} : { engineer: text(engineer) }),
  });
const ticket = (...more: TicketCommand[]) => fold(historyOf(impactPolicy, [openTicket(), ...more]));
const kimOnOther: SessionBooking = { ticketId: OTHER_TICKET, start: START, end: START + HOUR };

describe("schedule-session against the engineer's other bookings", () => {
  it("an overlap with the engineer's session on another ticket is SESSION_CONFLICT naming that ticket", () => {
    const decided = decide(book(START + HOUR / 2, "kim"), ticket(), impactPolicy, { bookings: [kimOnOther] });
    expect(decided).toMatchObject(
      E.left({
        code: "SESSION_CONFLICT",
        engineer: "kim",
        conflictsWith: { ticketId: OTHER_TICKET, start: START, end: START + HOUR },
      }),
    );
    if (E.isLeft(decided)) expect(decided.left.message).toContain(`kim has on ticket ${OTHER_TICKET}`);
  });

  it("adjacent bookings are no overlap; the event records the engineer", () => {
    const decided = decide(book(START + HOUR, "kim"), ticket(), impactPolicy, { bookings: [kimOnOther] });
    expect(E.isRight(decided) && decided.right.map((e) => e.data)).toEqual([
      { start: START + HOUR, length: HOUR, engineer: "kim" },
    ]);
  });

  it("the ticket's own entries among the bookings are left to its state", () => {
    const own: SessionBooking = { ticketId: openTicket().ticketId, start: START, end: START + HOUR };
    expect(E.isRight(decide(book(START, "kim"), ticket(), impactPolicy, { bookings: [own] }))).toBe(true);
  });

  it("no engineer named and no assignee: the bookings are not consulted, nothing is recorded as the engineer", () => {
    const decided = decide(book(START), ticket(), impactPolicy, { bookings: [kimOnOther] });
    expect(E.isRight(decided) && decided.right.map((e) => e.data)).toEqual([{ start: START, length: HOUR }]);
  });

  it("without an engineer named, the assignee is the engineer", () => {
    const assigned = ticket(commandOf("assign", { assignee: "kim" }, { actor: agent }));
    expect(decide(book(START), assigned, impactPolicy, { bookings: [kimOnOther] })).toMatchObject(
      E.left({ code: "SESSION_CONFLICT", engineer: "kim", conflictsWith: { ticketId: OTHER_TICKET } }),
    );
    const named = decide(book(START + HOUR, "lee"), assigned, impactPolicy, { bookings: [] });
    expect(E.isRight(named) && named.right.map((e) => e.data)).toEqual([
      { start: START + HOUR, length: HOUR, engineer: "lee" },
    ]);
  });
});
