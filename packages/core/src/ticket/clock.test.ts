/**
 * The clock log (clock.ts) says what the readable histories say: over random legal histories,
 * the log the fold writes, and the log evolve writes event by event, hold the same entries of
 * each kind, in the same order, as the log rebuilt from the histories.
 */

import { historyArb } from "@ticketfold/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clockLogOf,
  clockOfHistories,
  FIRST_REPLY,
  keptClockLog,
  PLAN_SHARED,
  POLICY_CHANGED,
  PRIORITY_CHANGED,
  REOPENED,
  REPLY_CYCLE_ENDED,
  REPLY_CYCLE_STARTED,
  statusCode,
  statusCodes,
} from "./clock.js";
import { evolve, fold } from "./evolve.js";
import { initialState } from "./state.js";

/** The entries of a log by kind: spans, priority changes, policy changes, and the marks. */
const byKind = (clock: readonly number[]) => {
  const kinds: Record<string, number[]> = {};
  for (let i = 0; i < clock.length; i += 2) {
    const code = clock[i + 1] as number;
    const kind = code < PRIORITY_CHANGED ? "span" : String(code);
    kinds[kind] ??= [];
    kinds[kind].push(clock[i] as number, code);
  }
  return kinds;
};

describe("the clock log", () => {
  it("holds what the histories hold, written by fold and by evolve alike", () => {
    fc.assert(
      fc.property(historyArb(), (h) => {
        const folded = fold(h.events);
        const log = keptClockLog(folded);
        const rebuilt = clockOfHistories(folded);
        expect(log).toBeDefined();
        expect(byKind(log?.clock ?? [])).toEqual(byKind(rebuilt.clock));
        expect(log?.priorities).toEqual(rebuilt.priorities);
        expect(log?.clock.length).toBe(rebuilt.clock.length);
        const evolved = h.events.reduce(evolve, initialState);
        expect(keptClockLog(evolved)?.clock).toEqual(log?.clock);
        expect(keptClockLog(evolved)?.priorities).toEqual(log?.priorities);
      }),
      { numRuns: 100 },
    );
  });

  it("marks a reopen, the first reply, a shared plan and each reply cycle", () => {
    const opened = 1_000;
    const t = clockOfHistories({
      statusHistory: [
        { status: "new", from: opened },
        { status: "open", from: 2_000 },
        { status: "resolved", from: 3_000 },
        { status: "open", from: 4_000 },
      ],
      priorityHistory: [
        { priority: "2", at: opened },
        { priority: "1", at: 2_500 },
      ],
      policyHistory: [{ policyId: "p", at: opened }],
      firstPublicAgentReplyAt: 1_500,
      planSharedAt: 2_600,
      replyCycles: [{ start: 1_200, end: 1_500 }],
    });
    expect(t.clock).toEqual([
      opened,
      PRIORITY_CHANGED,
      opened,
      POLICY_CHANGED,
      opened,
      statusCodes.new,
      1_200,
      REPLY_CYCLE_STARTED,
      1_500,
      FIRST_REPLY,
      1_500,
      REPLY_CYCLE_ENDED,
      2_000,
      statusCodes.open,
      2_500,
      PRIORITY_CHANGED,
      2_600,
      PLAN_SHARED,
      3_000,
      statusCodes.resolved,
      4_000,
      statusCodes.open + REOPENED,
    ]);
    expect(t.priorities).toEqual(["2", "1"]);
  });

  it("is private: no field of the state, not in its JSON, held apart from it", () => {
    fc.assert(
      fc.property(historyArb(), (h) => {
        const folded = fold(h.events);
        // No own key beyond the state's fields: the log is a private field, not a property.
        expect(Reflect.ownKeys(folded)).toEqual(Object.keys(folded));
        expect(Reflect.ownKeys(h.events.slice(0, 1).reduce(evolve, folded))).toEqual(Object.keys(folded));
        expect(Object.keys(folded).filter((k) => /clock/i.test(k))).toEqual([]);
        expect(JSON.stringify(folded)).not.toMatch(/clock/i);
        expect(keptClockLog({ ...folded })).toBeUndefined();
        expect(keptClockLog(structuredClone(folded))).toBeUndefined();
        // A copy (from JSON, or spread) has no kept log and is read through its histories.
        const copy = JSON.parse(JSON.stringify(folded));
        expect(keptClockLog(copy)).toBeUndefined();
        expect(byKind(clockLogOf(copy).clock)).toEqual(byKind(keptClockLog(folded)?.clock ?? []));
        // Evolving a copy keeps a log again, extended from the one its histories describe.
        const more = h.events.slice(0, 1).reduce(evolve, copy);
        expect(keptClockLog(more)).toBeDefined();
      }),
      { numRuns: 50 },
    );
  });

  it("gives every status its own bit", () => {
    const codes = Object.values(statusCodes);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [status, code] of Object.entries(statusCodes)) {
      expect(statusCode(status)).toBe(code);
      expect(code & (code - 1)).toBe(0);
      expect(code).toBeLessThan(REOPENED);
    }
  });
});
