/**
 * Ladder steps are recorded once per cycle of their metric (issue #13): after a reopen with
 * `reopen: "restart"` the resolution clock starts a new cycle with a full budget, and the head
 * of support and the account manager are told again when it reaches their steps. Within one
 * cycle a step is recorded once, however often the timers run. Ladder records stored before
 * (schema version 1, no cycle) read as cycle 0.
 */

import {
  applyOrThrow as apply,
  instant as at,
  commandFromStep,
  compiledSlaTestPolicy as compiled,
  historyFromSteps as history,
  isoMinute as iso,
} from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decodeEvent } from "../ticket/codec.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { TicketState } from "../ticket/state.js";
import { due } from "./due.js";
import { nextWakeUp } from "./next-wake-up.js";

const withReopen = (reopen: "restart" | "resume") =>
  compiled({
    reopen,
    metrics: { resolution: { targets: { urgent: "8h", high: "8h", normal: "8h", low: "8h" } } },
    ladder: [
      { metric: "resolution", multiple: 0.5, level: 1, roles: ["head-of-support"] },
      { metric: "resolution", multiple: 1, level: 2, roles: ["head-of-support", "account-manager"] },
    ],
  });
type Compiled = ReturnType<typeof withReopen>;
const d = (s: string) => at(`2025-03-${s}`);

/** Runs the timers at each wake-up until `until`; the ladder records made, as `HH:MM step/cycle`. */
const runTimers = (start: TicketState, policy: Compiled, until: number) => {
  let t = start;
  const fired: string[] = [];
  for (let wake = nextWakeUp(t, policy); wake !== null && wake <= until; wake = nextWakeUp(t, policy)) {
    const cs = due(t, policy, wake);
    for (const c of cs as TicketCommand[])
      if (c.type === "record-escalation-level") fired.push(`${iso(wake)} step ${c.data.step}/cycle ${c.data.cycle}`);
    t = cs.reduce((s, c) => apply(s, policy.policy, c), t);
  }
  return { t, fired };
};

describe("ladder steps per cycle", () => {
  const lived = (policy: Compiled) => {
    const first = runTimers(history(policy.policy, [[d("03T09:00"), "open", "urgent"]]), policy, d("03T17:00"));
    const reopened = [commandFromStep(d("03T18:00"), "resolve"), commandFromStep(d("04T09:00"), "reopen")].reduce(
      (s, c) => apply(s, policy.policy, c),
      first.t,
    );
    return { first: first.fired, second: runTimers(reopened, policy, d("05T09:00")).fired };
  };

  it('reopen: "restart" — the head of support and the account manager are told again in the new cycle', () => {
    const { first, second } = lived(withReopen("restart"));
    expect(first).toEqual(["2025-03-03T13:00 step 0/cycle 0", "2025-03-03T17:00 step 1/cycle 0"]);
    expect(second).toEqual(["2025-03-04T13:00 step 0/cycle 1", "2025-03-04T17:00 step 1/cycle 1"]);
  });

  it('reopen: "resume" — the same cycle goes on: its steps were told, nothing is told again', () => {
    const { second } = lived(withReopen("resume"));
    expect(second).toEqual([]);
  });

  it("a step is recorded once in its cycle: due at the same instant again yields nothing", () => {
    const policy = withReopen("restart");
    const t = history(policy.policy, [[d("03T09:00"), "open", "urgent"]]);
    const cs = due(t, policy, d("03T13:00"));
    expect(cs.map((c) => c.type)).toEqual(["record-escalation-level"]);
    const after = cs.reduce((s, c) => apply(s, policy.policy, c), t);
    expect(due(after, policy, d("03T13:00"))).toEqual([]);
    expect(after.slaRecords).toContain("resolution/0/step:0");
  });

  it("a ladder record stored under schema version 1 (no cycle) reads as cycle 0", () => {
    const stored = {
      type: "escalation-level-reached",
      schemaVersion: 1,
      ticketId: "01HZZZZZZZZZZZZZZZZZZZZZZZ",
      tenantId: "acme",
      at: "2025-03-03T13:00:00.000Z",
      actor: { kind: "system", id: "timers" },
      data: { level: 1, metric: "resolution", step: 0, roles: ["head-of-support"] },
    };
    expect(decodeEvent(stored)).toEqual(
      E.right(
        expect.objectContaining({
          schemaVersion: 2,
          data: { level: 1, metric: "resolution", cycle: 0, step: 0, roles: ["head-of-support"] },
        }),
      ),
    );
  });
});
