import { eventArb } from "@ticketfold/testing";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decide } from "../decide/decide.js";
import type { PolicyCore } from "../policy/lifecycle.js";
import { tenantId, ticketId } from "../shared/ids.js";
import type { TicketCommand } from "./commands.js";
import type { TicketEvent } from "./events.js";
import { evolve, fold } from "./evolve.js";
import { initialState, type TicketState } from "./state.js";

const policy = {
  id: "p-test",
  name: "Test",
  priorities: {
    levels: [
      { id: "high", name: "High" },
      { id: "low", name: "Low" },
    ],
    default: "low",
  },
  workflow: { reopenWindow: 86_400_000 },
} as unknown as PolicyCore;

const customer = { kind: "requester", id: "c" } as const;
const agent = { kind: "agent", id: "a" } as const;
const life: readonly [typeof customer | typeof agent, string, Record<string, unknown>][] = [
  [customer, "open", { subject: "s", description: "d", category: "incident", channel: "web", requester: { id: "c" } }],
  [agent, "accept", {}],
  [agent, "assign", { assignee: "a", group: "g" }],
  [agent, "change-priority", { priority: "high" }],
  [agent, "await-customer", { reason: "more-information" }],
  [customer, "comment", { body: "answer", attachments: [{ name: "f", size: 1, contentType: "text/plain" }] }],
  [agent, "comment", { body: "note", visibility: "internal" }],
  [agent, "log-time", { minutes: 10 }],
  [agent, "resolve", { resolution: "done" }],
  [customer, "give-feedback", { rating: "neutral" }],
  [customer, "comment", { body: "again" }],
  [agent, "comment", { body: "reply" }],
  [agent, "resolve", { resolution: "done again" }],
  [customer, "close", {}],
];

const history = (): TicketEvent[] => {
  const events: TicketEvent[] = [];
  let state: TicketState = initialState;
  life.forEach(([actor, type, data], i) => {
    const command = {
      type,
      ticketId: ticketId("01JNDG9Q000000000000000000"),
      tenantId: tenantId("t"),
      at: 1_000 * i,
      actor,
      data,
    };
    const decided = decide(command as TicketCommand, state, policy);
    if (E.isLeft(decided)) throw new Error(decided.left.message);
    for (const e of decided.right) {
      events.push(e);
      state = evolve(state, e);
    }
  });
  return events;
};

const isDeepFrozen = (u: unknown): boolean =>
  typeof u !== "object" || u === null || (Object.isFrozen(u) && Object.values(u).every(isDeepFrozen));

/**
 * A state is deeply frozen except its clock log, a list of numbers left packed on purpose
 * (state.ts; frozen, V8 would box every number). Nothing writes into it once folded.
 */
const frozenState = (s: TicketState): boolean =>
  Object.isFrozen(s) && Object.entries(s).every(([key, value]) => key === "clock" || isDeepFrozen(value));

describe("fold", () => {
  const events = history();

  it("gives the state of evolving event by event, for every prefix of a history", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: events.length }), (n) => {
        const prefix = events.slice(0, n);
        expect(fold(prefix)).toEqual(prefix.reduce(evolve, initialState));
      }),
    );
  });

  it("continues from a given state as if folded from the start", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: events.length }), (n) => {
        expect(fold(events.slice(n), fold(events.slice(0, n)))).toEqual(fold(events));
      }),
    );
  });

  it("returns a deeply frozen state for any events, of every type", () => {
    // fold freezes by the state's known shape (evolve.ts); every event type fills its part.
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 40 }), (evs) => {
        expect(frozenState(fold(evs))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("returns a deeply frozen state", () => {
    const state = fold(events);
    expect(state.statusHistory.length).toBeGreaterThan(3);
    expect(frozenState(state)).toBe(true);
  });

  it("keeps every ticket field of the opening event, and none of its opening-only keys", () => {
    const state = fold(events);
    expect(state.fields).toEqual({
      subject: "s",
      description: "d",
      category: "incident",
      channel: "web",
      requester: { id: "c" },
    });
  });
});
