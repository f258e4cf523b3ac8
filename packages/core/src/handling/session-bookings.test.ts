/**
 * The handler reads the engineer's other bookings before it decides a `schedule-session`
 * (`HandlerOptions.sessionBookings`), and hands them to the decision; without the port only the
 * ticket's own sessions count. Against the in-memory store and its bookings.
 */
import { createInMemoryEventStore, createInMemorySessionBookings } from "@ticketfold/store-memory";
import { commandOf, impactPolicy, OTHER_TICKET, openTicket, T0, TENANT, TICKET, text } from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decide } from "../decide/decide.js";
import { singlePolicy } from "../policy/resolver.js";
import { DAY, HOUR } from "../shared/duration.js";
import type { DecideContext, DecideFn } from "./decision.js";
import { handleCommand } from "./handler.js";

const policies = singlePolicy(impactPolicy);
const START = T0 + DAY;
const book = (ticketId: typeof TICKET, start: number, engineer?: string) =>
  commandOf(
    "schedule-session",
    { start, length: HOUR, ...(engineer === undefined ? {} : { engineer: text(engineer) }) },
    { ticketId, at: T0 + HOUR },
  );

const twoTickets = async () => {
  const store = createInMemoryEventStore();
  for (const ticketId of [TICKET, OTHER_TICKET])
    expect(E.isRight(await handleCommand(store, policies, openTicket({}, { ticketId })))).toBe(true);
  return store;
};

describe("the handler and the engineers' bookings", () => {
  it("refuses a session over one the engineer has on another ticket, naming it", async () => {
    const store = await twoTickets();
    const sessionBookings = createInMemorySessionBookings(store);
    expect(E.isRight(await handleCommand(store, policies, book(TICKET, START, "kim"), { sessionBookings }))).toBe(true);
    const refused = await handleCommand(store, policies, book(OTHER_TICKET, START + HOUR / 2, "kim"), {
      sessionBookings,
    });
    expect(refused).toMatchObject(
      E.left({ code: "SESSION_CONFLICT", conflictsWith: { ticketId: TICKET, start: START, end: START + HOUR } }),
    );
    const appended = await store.readStream(TENANT, OTHER_TICKET);
    expect(appended.events.map((e) => e.type)).toEqual(["opened"]);
  });

  it("without the port, only the ticket's own sessions are checked", async () => {
    const store = await twoTickets();
    expect(E.isRight(await handleCommand(store, policies, book(TICKET, START, "kim")))).toBe(true);
    expect(E.isRight(await handleCommand(store, policies, book(OTHER_TICKET, START, "kim")))).toBe(true);
  });

  it("a custom decision is handed the bookings as its context; none is read for a booking without an engineer", async () => {
    const store = await twoTickets();
    const sessionBookings = createInMemorySessionBookings(store);
    await handleCommand(store, policies, book(TICKET, START, "kim"), { sessionBookings });
    const seen: (DecideContext | undefined)[] = [];
    const recording: DecideFn = (c, s, p, context) => {
      seen.push(context);
      return decide(c, s, p, context);
    };
    const options = { decide: recording, sessionBookings };
    await handleCommand(store, policies, book(OTHER_TICKET, START, "kim"), options);
    await handleCommand(store, policies, book(OTHER_TICKET, START + 2 * HOUR), options);
    expect(seen).toEqual([{ bookings: [{ ticketId: TICKET, start: START, end: START + HOUR }] }, {}]);
  });
});
