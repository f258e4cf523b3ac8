/**
 * Ladder steps that act (issue #13: "escalation steps that act (reassign to a group, raise
 * priority), not only notify"; docs/sla.md, "Steps that act"). The step's record, the hand-over
 * to the group and the raised priority are one decision: appended together, once per run of the
 * metric's clock; a second delivery of the record, or the timers run again at the same instant,
 * decide nothing.
 */

import {
  applyOrThrow as apply,
  instant as at,
  compiledSlaTestPolicy as compiled,
  historyFromSteps as history,
  isoMinute as iso,
  slaTestPolicy,
} from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decide } from "../decide/decide.js";
import { compilePolicy } from "../policy/compile.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { TicketState } from "../ticket/state.js";
import { due } from "./due.js";
import { nextWakeUp } from "./next-wake-up.js";

const targets = { urgent: "1h", high: "2h", normal: "4h", low: "8h" };
const acting = (retarget: "keep-start" | "restart" = "keep-start") =>
  compiled({
    retarget,
    metrics: { response: { targets } },
    ladder: [
      { metric: "response", multiple: 0.5, level: 1, roles: ["team-lead"] },
      { metric: "response", multiple: 1, level: 2, roles: ["duty-manager"], reassign: { group: "tier-2" } },
      { metric: "response", multiple: 1.5, level: 3, roles: ["duty-manager"], raisePriority: 1 },
    ],
  });
type Compiled = ReturnType<typeof acting>;
const d = (s: string) => at(`2025-03-03T${s}`);

/** Runs the timers at each wake-up until `until`: the events appended, as `HH:MM type detail`. */
const runTimers = (start: TicketState, policy: Compiled, until: number) => {
  let t = start;
  const appended: string[] = [];
  for (let wake = nextWakeUp(t, policy); wake !== null && wake <= until; wake = nextWakeUp(t, policy)) {
    for (const c of due(t, policy, wake) as TicketCommand[]) {
      const decision = decide(c, t, policy.policy);
      if (E.isLeft(decision)) throw new Error(decision.left.message);
      for (const e of decision.right) {
        const detail =
          e.type === "assigned"
            ? `group ${e.data.group}`
            : e.type === "prioritised"
              ? `${e.data.from}→${e.data.to} (${e.data.cause})`
              : e.type === "escalation-level-reached"
                ? `step ${e.data.step}/cycle ${e.data.cycle}`
                : "";
        appended.push(`${iso(wake)?.slice(11)} ${e.type} ${detail}`.trim());
      }
      t = apply(t, policy.policy, c);
    }
  }
  return { t, appended };
};

describe("ladder steps that act", () => {
  it("hands the ticket to tier-2 at 1× the response target and raises its priority one level at 1.5×", () => {
    const policy = acting();
    const { t, appended } = runTimers(history(policy.policy, [[d("09:00"), "open", "normal"]]), policy, d("18:00"));
    expect(appended).toEqual([
      "11:00 escalation-level-reached step 0/cycle 0",
      "13:00 escalation-level-reached step 1/cycle 0",
      "13:00 assigned group tier-2",
      "13:00 sla-breached",
      "15:00 escalation-level-reached step 2/cycle 0",
      "15:00 prioritised normal→high (escalation)",
      // The raise re-targets the response (keep start): a new cycle, whose steps inform again —
      // but the steps that act have acted in this run and do not act again.
      "15:00 escalation-level-reached step 0/cycle 1",
      "15:00 escalation-level-reached step 1/cycle 1",
      "15:00 escalation-level-reached step 2/cycle 1",
    ]);
    expect([t.group, t.assignee, t.priority, t.escalationLevel]).toEqual(["tier-2", null, "high", 3]);
  });

  it("the record and its actions are one decision; delivered twice, the second decides nothing", () => {
    const policy = acting();
    const t = history(policy.policy, [[d("09:00"), "open", "normal"]]);
    const late = runTimers(t, policy, d("14:00")).t;
    const [step] = due(late, policy, d("15:00"));
    expect(step?.type).toBe("record-escalation-level");
    const first = decide(step as TicketCommand, late, policy.policy);
    expect(E.isRight(first) && first.right.map((e) => e.type)).toEqual(["escalation-level-reached", "prioritised"]);
    const after = apply(late, policy.policy, step as TicketCommand);
    expect(decide(step as TicketCommand, after, policy.policy)).toEqual(E.right([]));
  });

  it("a ticket already in the group is not handed over again; the most urgent priority is not raised", () => {
    const policy = acting();
    const t = history(policy.policy, [[d("09:00"), "open", "urgent"]]);
    const inGroup = apply(t, policy.policy, {
      ...(due(t, policy, d("09:30"))[0] as TicketCommand),
      type: "assign",
      actor: { kind: "agent", id: "dispatch" },
      commandId: undefined,
      data: { assignee: "ann", group: "tier-2" },
    } as unknown as TicketCommand);
    const { appended } = runTimers(inGroup, policy, d("12:00"));
    expect(appended.filter((a) => a.includes("assigned") || a.includes("prioritised"))).toEqual([]);
  });

  it('retarget: "restart" — the raise restarts the clock, so the step acts again when the new run is late', () => {
    const policy = acting("restart");
    const { appended } = runTimers(history(policy.policy, [[d("09:00"), "open", "low"]]), policy, d("23:59"));
    expect(appended.filter((a) => a.includes("prioritised"))).toEqual(["21:00 prioritised low→normal (escalation)"]);
  });

  it("raisePriority must be a whole number of levels above 0, named by its path", () => {
    const bad = compilePolicy(
      slaTestPolicy({
        metrics: { response: { targets } },
        ladder: [{ metric: "response", multiple: 1, level: 1, roles: [], raisePriority: 0.5 }],
      }),
    );
    expect(E.isLeft(bad) && [bad.left.code, bad.left.path]).toEqual([
      "INVALID_SLA_POLICY",
      "sla.ladder[0].raisePriority",
    ]);
  });
});
