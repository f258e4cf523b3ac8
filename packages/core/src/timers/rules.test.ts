/**
 * Time-driven rules (docs/design/sla-semantics.md#time-driven-rules): auto-close of resolved tickets and of
 * tickets awaiting the customer (P-D), the downgrade after customer silence (P-C: a P1 after
 * 3 h without an answer), and the contract of `nextWakeUp` / `due`.
 */

import {
  applyOrThrow as apply,
  instant as at,
  compiledSlaTestPolicy as compiled,
  historyFromSteps as history,
  isoMinute as iso,
  type StepTuple as Step,
} from "@ticketfold/testing";
import { describe, expect, it } from "vitest";
import type { TicketCommand } from "../ticket/commands.js";
import type { TicketState } from "../ticket/state.js";
import { due } from "./due.js";
import { nextWakeUp } from "./next-wake-up.js";

const pD = compiled({ timers: { autoCloseResolved: { after: "3d" }, autoCloseAwaitingCustomer: { after: "14d" } } });
const pC = compiled({
  timers: {
    downgradeOnSilence: [
      { from: ["urgent"], to: "high", after: "3h" },
      { from: ["high"], to: "normal", after: "3h" },
    ],
  },
});
const d = (s: string) => at(`2025-03-${s}`);
const summary = (cs: readonly TicketCommand[]) =>
  cs.map((c) =>
    c.type === "close"
      ? `close:${c.data.reason}`
      : c.type === "change-priority"
        ? `priority:${c.data.priority}:${c.data.cause}`
        : c.type,
  );
const commandOf = (t: TicketState, when: number) =>
  ({ ticketId: t.ticketId, tenantId: t.tenantId, at: when, actor: { kind: "agent", id: "a" } }) as Pick<
    TicketCommand,
    "ticketId" | "tenantId" | "at" | "actor"
  >;
const applyAll = (t: TicketState, policy: typeof pD, cs: readonly TicketCommand[]) =>
  cs.reduce((s, c) => apply(s, policy.policy, c), t);

describe("auto-close (P-D)", () => {
  it("a resolved ticket closes by itself after the set time", () => {
    const t = history(pD.policy, [
      [d("03T09:00"), "open"],
      [d("03T10:00"), "resolve"],
    ]);
    expect(iso(nextWakeUp(t, pD))).toBe("2025-03-06T10:00");
    expect(due(t, pD, d("06T09:59"))).toEqual([]);
    const closing = due(t, pD, d("06T10:00"));
    expect(summary(closing)).toEqual(["close:auto-close-resolved"]);
    expect(closing[0]).toMatchObject({ actor: { kind: "system" }, at: d("06T10:00") });
    const closed = applyAll(t, pD, closing);
    expect([closed.status, nextWakeUp(closed, pD)]).toEqual(["closed", null]);
  });

  it("a customer comment on a resolved ticket reopens it and cancels the auto-close", () => {
    const t = history(pD.policy, [
      [d("03T09:00"), "open"],
      [d("03T10:00"), "resolve"],
      [d("04T10:00"), "comment"],
    ]);
    expect(nextWakeUp(t, pD)).toBeNull();
  });

  it("a ticket awaiting the customer closes after the set time without a reply", () => {
    const t = history(pD.policy, [
      [d("03T09:00"), "open"],
      [d("03T10:00"), "await"],
    ]);
    expect(iso(nextWakeUp(t, pD))).toBe("2025-03-17T10:00");
    expect(summary(due(t, pD, d("17T10:00")))).toEqual(["close:auto-close-no-reply"]);
    const replied = history(pD.policy, [
      [d("03T09:00"), "open"],
      [d("03T10:00"), "await"],
      [d("10T10:00"), "comment"],
    ]);
    expect(nextWakeUp(replied, pD)).toBeNull();
  });
});

describe("priority downgrade on customer silence (P-C)", () => {
  const silent: Step[] = [
    [d("03T09:00"), "open", "urgent"],
    [d("03T10:00"), "await"],
  ];

  it("a P1 awaiting the customer drops after 3 h without an answer, with cause customer-silence", () => {
    const t = history(pC.policy, silent);
    expect(iso(nextWakeUp(t, pC))).toBe("2025-03-03T13:00");
    expect(summary(due(t, pC, d("03T12:59")))).toEqual([]);
    expect(summary(due(t, pC, d("03T13:00")))).toEqual(["priority:high:customer-silence"]);
  });

  it("a chain of rules steps one priority per silence period, never several at once", () => {
    let t = history(pC.policy, silent);
    const late = d("03T20:00");
    t = applyAll(t, pC, due(t, pC, late));
    expect(t.priority).toBe("high");
    expect(iso(nextWakeUp(t, pC))).toBe("2025-03-03T23:00");
  });

  it("an answer in time cancels the downgrade", () => {
    const t = history(pC.policy, [...silent, [d("03T12:00"), "comment"]]);
    expect(nextWakeUp(t, pC)).toBeNull();
  });

  it("priorities outside the rule are left alone", () => {
    const t = history(pC.policy, [
      [d("03T09:00"), "open", "normal"],
      [d("03T10:00"), "await"],
    ]);
    expect(nextWakeUp(t, pC)).toBeNull();
  });
});

describe("nextWakeUp and due (docs/design/sla-semantics.md#time-driven-rules)", () => {
  const sla = compiled({
    metrics: { response: { targets: { normal: "8h", urgent: "1h" } } },
    warnings: [{ percent: 50 }],
    timers: { autoCloseResolved: { after: "1d" } },
  });

  it("applying due's commands and asking again at the same now yields nothing", () => {
    const t = history(sla.policy, [[d("03T09:00"), "open"]]);
    const now = d("04T09:00");
    const first = due(t, sla, now);
    expect(summary(first)).toEqual(["record-sla-breach"]);
    expect(due(applyAll(t, sla, first), sla, now)).toEqual([]);
  });

  it("a warning is not issued once the breach is due at the same time or earlier", () => {
    const t = history(sla.policy, [
      [d("03T09:00"), "open"],
      [d("03T09:30"), "priority", "urgent"],
    ]);
    expect(summary(due(t, sla, d("03T10:00")))).toEqual(["record-sla-breach"]);
  });

  it("a ticket with nothing pending has no wake-up", () => {
    const t = history(sla.policy, [
      [d("03T09:00"), "open"],
      [d("03T09:10"), "reply"],
    ]);
    expect(nextWakeUp(t, sla)).toBeNull();
  });

  it("records come before the close when both are due", () => {
    const t = history(sla.policy, [
      [d("03T09:00"), "open"],
      [d("03T09:10"), "resolve"],
    ]);
    expect(summary(due(t, sla, d("10T00:00")))).toEqual(["close:auto-close-resolved"]);
    const late = history(sla.policy, [
      [d("03T09:00"), "open"],
      [d("03T18:00"), "resolve"],
    ]);
    expect(summary(due(late, sla, d("10T00:00")))).toEqual(["record-sla-breach", "close:auto-close-resolved"]);
  });

  it("each target in force gets its own breach: loosened after a breach, breached again later, recorded again", () => {
    let t = history(sla.policy, [[d("03T09:00"), "open", "urgent"]]);
    t = applyAll(t, sla, due(t, sla, d("03T10:00")));
    t = apply(t, sla.policy, { ...commandOf(t, d("03T10:30")), type: "change-priority", data: { priority: "normal" } });
    expect(iso(nextWakeUp(t, sla))).toBe("2025-03-03T13:00");
    const cycles = (cs: readonly TicketCommand[]) => cs.map((c) => [c.type, (c.data as { cycle?: number }).cycle]);
    expect(cycles(due(t, sla, d("03T13:00")))).toEqual([["record-sla-warning", 1]]);
    expect(cycles(due(t, sla, d("03T17:00")))).toEqual([["record-sla-breach", 1]]);
  });
});
