/**
 * Laws of the lifecycle, over random valid histories (random commands run through `decide`,
 * the accepted ones kept): each accepted command came from a status its table row allows and
 * lands where the row says (or leaves the status alone); events belong to the command's ticket
 * and instant; fold is deterministic and equals stepwise evolve; evolved states are frozen.
 */

import { type HistoryStep, historyArb } from "@ticketfold/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evolve, fold } from "./evolve.js";
import { initialState, type TicketState } from "./state.js";
import { ruleFor, type StatusOrNone } from "./transitions.js";

const RUNS = { numRuns: 60 };

/** Where an accepted step may leave the ticket, by the table (see transitions.ts). */
const allowedAfter = (step: HistoryStep): StatusOrNone => {
  const { command, before } = step;
  const rule = ruleFor(command.type);
  if (rule.to !== undefined) return rule.to;
  if (command.type === "comment" && command.actor.kind === "requester") {
    // The customer-reply and reopen rows, applied through a customer comment.
    if (before.status === "awaiting-customer") return ruleFor("customer-reply").to ?? before.status;
    if (before.status === "resolved" || before.status === "closed") return ruleFor("reopen").to ?? before.status;
  }
  return before.status;
};

const deepFrozen = (u: unknown): boolean =>
  typeof u !== "object" || u === null || (Object.isFrozen(u) && Object.values(u).every(deepFrozen));

/**
 * A state is deeply frozen except its clock log, a list of numbers left packed on purpose
 * (state.ts; frozen, V8 would box every number). Nothing writes into it once folded.
 */
const frozenState = (s: TicketState): boolean =>
  Object.isFrozen(s) && Object.entries(s).every(([key, value]) => key === "clock" || deepFrozen(value));

describe("law: accepted commands follow the transition table", () => {
  it("each accepted command starts from an allowed status and lands in the row's `to` or stays", () => {
    fc.assert(
      fc.property(historyArb(), (h) => {
        for (const step of h.steps.filter((s) => s.error === null)) {
          expect(ruleFor(step.command.type).from).toContain(step.before.status);
          expect(step.after.status).toBe(allowedAfter(step));
        }
      }),
      RUNS,
    );
  });

  it("every event carries its command's ticket, tenant, instant and actor", () => {
    fc.assert(
      fc.property(historyArb(), (h) => {
        for (const { command, events } of h.steps) {
          for (const e of events) {
            expect([e.ticketId, e.tenantId, e.at, e.actor]).toEqual([
              command.ticketId,
              command.tenantId,
              command.at,
              command.actor,
            ]);
          }
        }
      }),
      RUNS,
    );
  });

  it("a refused command changes nothing", () => {
    fc.assert(
      fc.property(historyArb(), (h) => {
        for (const step of h.steps.filter((s) => s.error !== null)) {
          expect(step.events).toEqual([]);
          expect(step.after).toBe(step.before);
          expect(typeof step.error?.message).toBe("string");
        }
      }),
      RUNS,
    );
  });
});

describe("law: fold", () => {
  it("is deterministic and equals evolving event by event", () => {
    fc.assert(
      fc.property(historyArb(), (h) => {
        const once = fold(h.events);
        expect(fold(h.events)).toEqual(once);
        const stepwise = h.events.reduce<TicketState>(evolve, initialState);
        expect(stepwise).toEqual(once);
        expect(once.version).toBe(h.events.length);
      }),
      RUNS,
    );
  });

  it("folds in parts: fold(b, fold(a)) = fold(a ++ b)", () => {
    fc.assert(
      fc.property(historyArb(), fc.nat(), (h, cut) => {
        const k = h.events.length === 0 ? 0 : cut % (h.events.length + 1);
        expect(fold(h.events.slice(k), fold(h.events.slice(0, k)))).toEqual(fold(h.events));
      }),
      RUNS,
    );
  });

  it("evolve and fold return deeply frozen states", () => {
    fc.assert(
      fc.property(historyArb(), (h) => {
        expect(frozenState(fold(h.events))).toBe(true);
        let s = initialState;
        for (const e of h.events) {
          s = evolve(s, e);
          expect(frozenState(s)).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });
});
