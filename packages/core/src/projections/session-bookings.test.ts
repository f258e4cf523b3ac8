/**
 * The engineers' bookings kept in memory: a ticket's sessions with an engineer are its bookings
 * until it is closed; duplicates are skipped; `overlapping` answers half-open intervals in order.
 */
import { commandOf, historyOf, impactPolicy, OTHER_TICKET, openTicket, T0, TENANT, text } from "@ticketfold/testing";
import { recordedLog } from "@ticketfold/testing/workload";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { DAY, HOUR } from "../shared/duration.js";
import type { TicketCommand } from "../ticket/commands.js";
import { createSessionBookingsProjection } from "./session-bookings.js";

const START = T0 + DAY;
const A = openTicket().ticketId;
const B = OTHER_TICKET;
const on = (ticketId: typeof A, ...commands: TicketCommand[]) =>
  historyOf(impactPolicy, [openTicket({}, { ticketId }), ...commands.map((c) => ({ ...c, ticketId }))]);
const book = (start: number, engineer?: string, at = T0 + HOUR) =>
  commandOf(
    "schedule-session",
    { start, length: HOUR, ...(engineer === undefined ? {} : { engineer: text(engineer) }) },
    { at },
  );

describe("SessionBookingsProjection", () => {
  it("holds each ticket's sessions with an engineer, answers overlaps in start order, skips duplicates", () => {
    const log = recordedLog([
      on(A, book(START + HOUR, "kim"), book(START + 3 * HOUR)),
      on(B, book(START, "kim"), book(START + 2 * HOUR, "lee")),
    ]);
    const p = createSessionBookingsProjection();
    expect(E.isRight(p.applyAll([...log, ...log]))).toBe(true);
    expect(p.overlapping(TENANT, "kim", START, START + 4 * HOUR)).toEqual([
      { ticketId: B, start: START, end: START + HOUR },
      { ticketId: A, start: START + HOUR, end: START + 2 * HOUR },
    ]);
    expect(p.overlapping(TENANT, "kim", START + 2 * HOUR, START + 5 * HOUR)).toEqual([]);
    expect(p.overlapping(TENANT, "lee", START + 2 * HOUR, START + 2 * HOUR + 1)).toEqual([
      { ticketId: B, start: START + 2 * HOUR, end: START + 3 * HOUR },
    ]);
    expect(p.overlapping("other", "kim", START, START + 4 * HOUR)).toEqual([]);
  });

  it("closing a ticket releases its bookings", () => {
    const close = commandOf("close", {}, { at: T0 + 2 * HOUR });
    const log = recordedLog([on(A, book(START, "kim"), close), on(B, book(START + HOUR, "kim"))]);
    const p = createSessionBookingsProjection();
    expect(E.isRight(p.applyAll(log))).toBe(true);
    expect(p.overlapping(TENANT, "kim", START, START + 2 * HOUR)).toEqual([
      { ticketId: B, start: START + HOUR, end: START + 2 * HOUR },
    ]);
  });

  it("refuses a gap in a stream's versions, changing nothing", () => {
    const log = recordedLog([on(A, book(START, "kim"))]);
    const p = createSessionBookingsProjection();
    expect(E.isLeft(p.applyAll(log.slice(1)))).toBe(true);
    expect(p.overlapping(TENANT, "kim", START, START + HOUR)).toEqual([]);
  });
});
