/**
 * Rules for ratings and time corrections as scenario tables: a resolution cycle is rated once
 * (a second rating is refused with FEEDBACK_ALREADY_GIVEN; a reopen starts a new cycle), and a
 * logged entry is corrected by naming it, with a reason, never below zero.
 */

import { agent, commandOf, historyOf, openTicket, requester, T0, text } from "@ticketfold/testing";
import { resumePolicy } from "@ticketfold/testing/workload";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { MINUTE } from "../shared/duration.js";
import { commandCodecs, type TicketCommand } from "../ticket/commands.js";
import { fold } from "../ticket/evolve.js";
import { decide } from "./decide.js";

const at = (minutes: number) => ({ at: T0 + minutes * MINUTE });
const resolve = (min: number) => commandOf("resolve", { resolution: text("Fixed.") }, at(min));
const rate = (min: number, rating: "positive" | "neutral" | "negative") =>
  commandOf("give-feedback", { rating }, { ...at(min), actor: requester });
const reopen = (min: number) => commandOf("reopen", {}, { ...at(min), actor: requester });
const decideAfter = (history: readonly TicketCommand[], next: TicketCommand) =>
  decide(next, fold(historyOf(resumePolicy, history)), resumePolicy);

describe("one rating per resolution cycle", () => {
  it.each([
    ["the first rating of a resolution is recorded", [openTicket({}, at(0)), resolve(10)], "feedback-given"],
    [
      "a second rating of the same resolution is refused",
      [openTicket({}, at(0)), resolve(10), rate(20, "negative")],
      "FEEDBACK_ALREADY_GIVEN",
    ],
    [
      "after a reopen and a new resolution the customer rates again",
      [openTicket({}, at(0)), resolve(10), rate(20, "negative"), reopen(30), resolve(40)],
      "feedback-given",
    ],
  ] as const)("%s", (_name, history, expected) => {
    const d = decideAfter(history, rate(50, "positive"));
    expect(E.isRight(d) ? d.right.map((e) => e.type).join() : d.left.code).toBe(expected);
  });

  it("the refusal says which rating stands and when it was given", () => {
    const d = decideAfter([openTicket({}, at(0)), resolve(10), rate(20, "negative")], rate(50, "positive"));
    expect(d).toEqual(
      E.left(
        expect.objectContaining({
          code: "FEEDBACK_ALREADY_GIVEN",
          cycle: 0,
          rating: "negative",
          givenAt: T0 + 20 * MINUTE,
        }),
      ),
    );
  });
});

describe("time corrections", () => {
  const logged = [openTicket({}, at(0)), commandOf("log-time", { minutes: 45 }, at(10))];
  const entry = fold(historyOf(resumePolicy, logged)).timeEntries[0]!.entry;
  const correct = (minutes: number | undefined, min = 20, which = entry) =>
    commandOf(
      "correct-time",
      { entry: which, reason: text("Logged on the wrong ticket"), ...(minutes === undefined ? {} : { minutes }) },
      { ...at(min), actor: agent },
    );

  it.each([
    ["−30 on a 45-minute entry leaves 15", [], correct(-30), 15],
    ["a reversal (no minutes) takes off all 45", [], correct(undefined), 0],
    ["after −30, a reversal takes off the 15 left", [correct(-30)], correct(undefined, 30), 0],
    ["a positive correction adds minutes forgotten", [], correct(15), 60],
  ] as const)("%s", (_name, before, next, total) => {
    const history = [...logged, ...before];
    const d = decideAfter(history, next);
    if (E.isLeft(d)) throw new Error(d.left.message);
    const after = fold([...historyOf(resumePolicy, history), ...d.right]);
    expect([after.timeEntries[0]?.minutes, after.minutesUnbilled]).toEqual([total, total]);
  });

  it.each([
    ["−50 would take the entry below zero", [], correct(-50), "minutes"],
    ["a reversed entry cannot be reversed again", [correct(undefined)], correct(undefined, 30), "minutes"],
    ["a correction of 0 minutes corrects nothing", [], correct(0), "minutes"],
    ["a fraction of a minute is not a correction", [], correct(-1.5), "minutes"],
    ["an entry this ticket does not have", [], correct(-5, 20, entry + 7), "entry"],
  ] as const)("refused: %s", (_name, before, next, field) => {
    expect(decideAfter([...logged, ...before], next)).toEqual(
      E.left(expect.objectContaining({ code: "INVALID_VALUE", field })),
    );
  });

  it("a correction without a reason does not decode", () => {
    const decoded = commandCodecs["correct-time"].decode({ ...correct(-5), data: { entry, minutes: -5, reason: " " } });
    expect(E.isLeft(decoded)).toBe(true);
  });
});
