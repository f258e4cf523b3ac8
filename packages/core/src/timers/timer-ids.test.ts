/**
 * The command ids of timer commands (`timerCommandId`): every command `due` returns carries one
 * that follows the command id rule; the same occurrence gets the same id whenever it is asked
 * for (a worker that died and runs again), the next occurrence another (an auto-close after a
 * reopen); policy-given names that do not fit the rule are encoded, and overlong ids digested.
 */
import {
  instant as at,
  compiledSlaTestPolicy as compiled,
  historyFromSteps as history,
  type StepTuple as Step,
} from "@ticketfold/testing";
import { describe, expect, it } from "vitest";
import { CommandIdC } from "../shared/ids.js";
import { due, timerCommandId } from "./due.js";

const policy = compiled({
  metrics: { response: { targets: { normal: "8h", urgent: "1h" } } },
  warnings: [{ percent: 50 }],
  timers: { autoCloseResolved: { after: "1d" } },
});
const d = (s: string) => at(`2025-03-${s}`);

describe("timer command ids", () => {
  it("every due command has one, following the rule, the same however often it is asked", () => {
    const t = history(policy.policy, [
      [d("03T09:00"), "open"],
      [d("03T18:00"), "resolve"],
    ]);
    const late = due(t, policy, d("10T00:00"));
    expect(late.map((c) => c.type)).toEqual(["record-sla-breach", "close"]);
    expect(late.map((c) => c.commandId)).toEqual([
      `timer/breach/response/0@${d("03T17:00")}`,
      `timer/auto-close/auto-close-resolved@${d("04T18:00")}`,
    ]);
    for (const c of late) expect(CommandIdC.is(c.commandId)).toBe(true);
    expect(due(t, policy, d("11T00:00")).map((c) => c.commandId)).toEqual(late.map((c) => c.commandId));
  });

  it("the next occurrence of the same timer gets another id (resolved, reopened, resolved again)", () => {
    const steps: Step[] = [
      [d("03T09:00"), "open"],
      [d("03T09:05"), "reply"],
      [d("03T09:10"), "resolve"],
    ];
    const first = due(history(policy.policy, steps), policy, d("10T00:00"));
    const again = history(policy.policy, [...steps, [d("03T12:00"), "reopen"], [d("03T13:00"), "resolve"]]);
    const second = due(again, policy, d("10T00:00"));
    expect([first, second].map((cs) => cs.map((c) => c.type))).toEqual([["close"], ["close"]]);
    expect(second[0]?.commandId).not.toBe(first[0]?.commandId);
  });

  it("encodes names outside the rule, and digests an id that would be too long", () => {
    const warning = { kind: "warning", at: 1, metric: "resolution", cycle: 0, warning: "75 % — bald" } as const;
    expect(timerCommandId(warning)).toBe("timer/warning/resolution/0/75%20%25%20%E2%80%94%20bald@1");
    const long = timerCommandId({ ...warning, warning: "w".repeat(200) });
    expect(long).toMatch(/^timer\/warning\/[0-9a-f]{16}@1$/);
    expect(timerCommandId({ ...warning, warning: "v".repeat(200) })).not.toBe(long);
    for (const id of [timerCommandId(warning), long]) expect(CommandIdC.is(id)).toBe(true);
  });
});
