/**
 * An engineer works many tickets (issue #13 §5): "booking a session validates it against the
 * engineer calendar (no Saturday 03:00) and against existing bookings". P-A: "Choose a
 * convenient time to work with an engineer"; P-B: "book a time with an IT Pro", appointments
 * Mon–Fri 9:00 AM – 4:00 PM. The in-memory desk keeps the engineers' bookings from the log
 * (`createInMemorySessionBookings`), so a session over one its engineer already has on another
 * ticket of the tenant is `SESSION_CONFLICT`, naming that ticket and its interval.
 */
import { type Policy, type TicketId, tenantId, ticketId } from "@ticketfold/core";
import { createInMemoryDesk } from "@ticketfold/store-memory";
import { agent, defaultOpenFields, text } from "@ticketfold/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pA, pB } from "../index.js";

const TENANT = tenantId("msp");
const A = ticketId("01JQSE0000000000000000000A");
const B = ticketId("01JQSE0000000000000000000B");
const iso = (s: string) => Date.parse(s);

/** P-A's open, its dispatch questions answered. */
const openOf = (id: TicketId) =>
  ({
    type: "open",
    ticketId: id,
    tenantId: TENANT,
    actor: { kind: "requester", id: "cust-1", name: "Carla Customer" },
    data: {
      ...defaultOpenFields,
      channel: "phone",
      affectedUsers: 1,
      totalUsers: 40,
      intake: {
        startedAt: "this morning",
        troubleshooting: "restarted the PC",
        location: "on-site",
        impactOnWork: "cannot send mail",
      },
    },
  }) as const;

/** A desk under `policy` with tickets A and B opened. */
const deskWithTwoTickets = async (policy: Policy, openedAt: string) => {
  const desk = createInMemoryDesk({ policies: policy, clock: () => iso(openedAt) });
  for (const id of [A, B]) expect((await desk.handle(openOf(id)))._tag).toBe("Right");
  const book = (ticket: TicketId, start: string, length: number, engineer?: string) =>
    desk.handle({
      type: "schedule-session",
      ticketId: ticket,
      tenantId: TENANT,
      actor: agent,
      data: { start: iso(start), length, ...(engineer === undefined ? {} : { engineer: text(engineer) }) },
    });
  return { desk, book };
};

const HOUR = 3_600_000;

describe("P-A: choose a convenient time to work with an engineer, on any of the engineer's tickets", () => {
  it("two tickets, one engineer, overlapping sessions: SESSION_CONFLICT naming the other ticket", async () => {
    const { book } = await deskWithTwoTickets(pA, "2025-03-04T15:00Z");
    expect((await book(A, "2025-03-04T20:00Z", HOUR, "eng-kim"))._tag).toBe("Right");
    const refused = await book(B, "2025-03-04T20:30Z", HOUR, "eng-kim");
    expect(refused).toMatchObject({
      _tag: "Left",
      left: {
        code: "SESSION_CONFLICT",
        engineer: "eng-kim",
        start: iso("2025-03-04T20:30Z"),
        end: iso("2025-03-04T21:30Z"),
        conflictsWith: { ticketId: A, start: iso("2025-03-04T20:00Z"), end: iso("2025-03-04T21:00Z") },
      },
    });
    if (refused._tag === "Left") expect(refused.left.message).toContain(`eng-kim has on ticket ${A}`);
  });

  it("different engineers at the same time: both are booked", async () => {
    const { book } = await deskWithTwoTickets(pA, "2025-03-04T15:00Z");
    expect((await book(A, "2025-03-04T20:00Z", HOUR, "eng-kim"))._tag).toBe("Right");
    const other = await book(B, "2025-03-04T20:00Z", HOUR, "eng-lee");
    expect(other._tag).toBe("Right");
    if (other._tag === "Right")
      expect(other.right.state.sessions).toEqual([
        { start: iso("2025-03-04T20:00Z"), length: HOUR, engineer: "eng-lee" },
      ]);
  });

  it("adjacent sessions of one engineer (one ends at 3:00 PM, the next starts then) are both booked", async () => {
    const { book } = await deskWithTwoTickets(pA, "2025-03-04T15:00Z");
    expect((await book(A, "2025-03-04T20:00Z", HOUR, "eng-kim"))._tag).toBe("Right");
    expect((await book(B, "2025-03-04T21:00Z", HOUR, "eng-kim"))._tag).toBe("Right");
    expect((await book(B, "2025-03-04T19:00Z", HOUR, "eng-kim"))._tag).toBe("Right");
  });

  it("the engineer is the ticket's assignee when the booking names none", async () => {
    const { desk, book } = await deskWithTwoTickets(pA, "2025-03-04T15:00Z");
    for (const id of [A, B]) {
      const assigned = await desk.handle({
        type: "assign",
        ticketId: id,
        tenantId: TENANT,
        actor: agent,
        data: { assignee: "eng-kim" },
      });
      expect(assigned._tag).toBe("Right");
    }
    expect((await book(A, "2025-03-04T20:00Z", HOUR))._tag).toBe("Right");
    expect(await book(B, "2025-03-04T20:30Z", HOUR)).toMatchObject({
      _tag: "Left",
      left: { code: "SESSION_CONFLICT", engineer: "eng-kim", conflictsWith: { ticketId: A } },
    });
  });

  it("a booking with no engineer named (and no assignee) checks only its own ticket's sessions", async () => {
    const { book } = await deskWithTwoTickets(pA, "2025-03-04T15:00Z");
    expect((await book(A, "2025-03-04T20:00Z", HOUR, "eng-kim"))._tag).toBe("Right");
    expect((await book(B, "2025-03-04T20:00Z", HOUR))._tag).toBe("Right");
  });

  it("closing a ticket frees its engineer's time", async () => {
    const { desk, book } = await deskWithTwoTickets(pA, "2025-03-04T15:00Z");
    expect((await book(A, "2025-03-04T20:00Z", HOUR, "eng-kim"))._tag).toBe("Right");
    const closed = await desk.handle({ type: "close", ticketId: A, tenantId: TENANT, actor: agent });
    expect(closed._tag).toBe("Right");
    expect((await book(B, "2025-03-04T20:00Z", HOUR, "eng-kim"))._tag).toBe("Right");
  });

  it("the engineer calendar still comes first: Saturday 03:00 is SESSION_NOT_BOOKABLE", async () => {
    const { book } = await deskWithTwoTickets(pA, "2025-03-04T15:00Z");
    expect(await book(A, "2025-03-08T09:00Z", HOUR / 2, "eng-kim")).toMatchObject({
      _tag: "Left",
      left: { code: "SESSION_NOT_BOOKABLE" },
    });
  });
});

describe("P-B: book a time with an IT Pro; one IT Pro is not in two appointments at once", () => {
  it("an IT Pro's appointment on one ticket refuses an overlapping one on another; another IT Pro takes it", async () => {
    // Mon 2025-03-03, 10:00 and 10:30 AM Eastern (EST, UTC−5).
    const { book } = await deskWithTwoTickets(pB, "2025-03-03T14:00Z");
    expect((await book(A, "2025-03-03T15:00Z", HOUR, "itpro-sam"))._tag).toBe("Right");
    expect(await book(B, "2025-03-03T15:30Z", HOUR, "itpro-sam")).toMatchObject({
      _tag: "Left",
      left: {
        code: "SESSION_CONFLICT",
        conflictsWith: { ticketId: A, start: iso("2025-03-03T15:00Z"), end: iso("2025-03-03T16:00Z") },
      },
    });
    expect((await book(B, "2025-03-03T15:30Z", HOUR, "itpro-ana"))._tag).toBe("Right");
    // Right after both: 11:30 AM, on A's IT Pro.
    expect((await book(B, "2025-03-03T16:30Z", HOUR, "itpro-sam"))._tag).toBe("Right");
  });
});

describe("law: no two accepted sessions of one engineer overlap", () => {
  const SLOT = HOUR / 2;
  // Tue 2025-03-04 08:00 Central (14:00Z): the engineers' day is 18 half-hours to 17:00 (23:00Z).
  const DAY_START = iso("2025-03-04T14:00Z");
  const tickets = [A, B, ticketId("01JQSE0000000000000000000C")];
  const engineers = ["eng-kim", "eng-lee", undefined];
  const bookingArb = fc.record({
    ticket: fc.integer({ min: 0, max: tickets.length - 1 }),
    engineer: fc.integer({ min: 0, max: engineers.length - 1 }),
    slot: fc.integer({ min: 0, max: 19 }),
    slots: fc.integer({ min: 1, max: 3 }),
  });

  it("over random booking sequences on the in-memory desk, as a reference model decides them", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(bookingArb, { maxLength: 12 }), async (requests) => {
        const desk = createInMemoryDesk({ policies: pA, clock: () => iso("2025-03-04T13:00Z") });
        for (const id of tickets) {
          const opened = await desk.handle(openOf(id));
          if (opened._tag === "Left") throw new Error(opened.left.message);
        }
        // The reference: every accepted booking, and the rule applied to a list.
        const accepted: { ticket: string; engineer: string | undefined; start: number; end: number }[] = [];
        for (const r of requests) {
          const ticket = tickets[r.ticket] as TicketId;
          const engineer = engineers[r.engineer];
          const start = DAY_START + r.slot * SLOT;
          const end = start + r.slots * SLOT;
          const result = await desk.handle({
            type: "schedule-session",
            ticketId: ticket,
            tenantId: TENANT,
            actor: agent,
            data: { start, length: end - start, ...(engineer === undefined ? {} : { engineer: text(engineer) }) },
          });
          const overlapping = (b: { start: number; end: number }) => b.start < end && start < b.end;
          const expected =
            end > iso("2025-03-04T23:00Z")
              ? "SESSION_NOT_BOOKABLE"
              : accepted.some(
                    (b) =>
                      overlapping(b) && (b.ticket === ticket || (engineer !== undefined && b.engineer === engineer)),
                  )
                ? "SESSION_CONFLICT"
                : "accepted";
          expect(result._tag === "Right" ? "accepted" : result.left.code).toBe(expected);
          if (result._tag === "Right") accepted.push({ ticket, engineer, start, end });
        }
        // The law itself, over what the store recorded.
        const log = await desk.store.readAll({ after: null, limit: 1000 });
        const sessions = log.events
          .filter((e) => e.type === "session-scheduled")
          .map((e) => {
            const d = e.data as { start: number; length: number; engineer?: string };
            return { engineer: d.engineer, start: d.start, end: d.start + d.length };
          });
        for (const [i, x] of sessions.entries())
          for (const y of sessions.slice(i + 1))
            if (x.engineer !== undefined && x.engineer === y.engineer)
              expect(x.start < y.end && y.start < x.end, `${x.engineer}: ${JSON.stringify([x, y])}`).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
