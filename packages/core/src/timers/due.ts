/**
 * `due(ticket, policy, now)`: the system commands time makes due at `now` — records of SLA
 * warnings, breaches and ladder steps, the downgrade on customer silence, auto-closes — in the
 * order they must be applied (records first, then priority, then close). Each is checked with
 * `decide` and applied to a scratch state; what the result makes due at the same `now` (a breach
 * that a downgrade reveals) is added, until nothing more is. Hence applying the list and calling
 * `due` again at the same `now` yields nothing (docs/design/sla-semantics.md#time-driven-rules), and the
 * idempotent record commands make a second delivery harmless. Each command carries a
 * deterministic command id (`timerCommandId`), so its events name the timer that caused them
 * and a command handled again is recognised as such.
 */
import * as E from "fp-ts/lib/Either.js";
import { decide } from "../decide/decide.js";
import type { CompiledPolicy } from "../policy/compiled.js";
import { fnv1a64 } from "../shared/digest.js";
import type { CommandId } from "../shared/ids.js";
import type { Instant } from "../shared/instant.js";
import { olaClock } from "../sla/ola.js";
import { type ClockReader, createClockReader } from "../sla/reader.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { Actor } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import type { TicketState } from "../ticket/state.js";
import { type PendingTimer, pendingTimers } from "./pending.js";

/** The actor of timer commands unless the caller names another. */
export const timerActor: Actor = { kind: "system", id: "timers" };

const RANK: Record<PendingTimer["kind"], number> = {
  escalation: 0,
  warning: 1,
  breach: 2,
  "ola-breach": 2,
  downgrade: 3,
  "auto-close": 4,
};

const commandFor = (
  r: ClockReader,
  p: PendingTimer,
  t: TicketState,
  cp: CompiledPolicy,
  now: Instant,
  actor: Actor,
): TicketCommand => {
  const envelope = { ticketId: t.ticketId, tenantId: t.tenantId, at: now, actor, commandId: timerCommandId(p) } as Pick<
    TicketCommand,
    "ticketId" | "tenantId" | "at" | "actor" | "commandId"
  >;
  const deadlineOf = (metric: string): Instant => {
    const m = cp.metrics.find((x) => x.name === metric);
    return (m && r.metricStatus(t, cp, m, now)?.deadline) ?? now;
  };
  switch (p.kind) {
    case "escalation": {
      const step = cp.ladder[p.step]!;
      const data = {
        level: step.level,
        metric: step.metric,
        cycle: p.cycle,
        step: step.index,
        roles: [...step.roles],
        ...(step.acts ? { runFrom: p.runFrom } : {}),
      };
      return { ...envelope, type: "record-escalation-level", data };
    }
    case "warning": {
      const data = { metric: p.metric, cycle: p.cycle, warning: p.warning, deadline: deadlineOf(p.metric) };
      return { ...envelope, type: "record-sla-warning", data };
    }
    case "breach":
      return {
        ...envelope,
        type: "record-sla-breach",
        data: { metric: p.metric, cycle: p.cycle, deadline: deadlineOf(p.metric) },
      };
    case "ola-breach": {
      const clock = olaClockOf(cp, t, p.group);
      const data = { group: p.group, cycle: p.cycle, deadline: clock?.deadline ?? p.at };
      return { ...envelope, type: "record-ola-breach", data };
    }
    case "downgrade":
      return {
        ...envelope,
        type: "change-priority",
        data: { priority: p.to, cause: "customer-silence", reason: p.reason },
      };
    case "auto-close":
      return { ...envelope, type: "close", data: { reason: p.reason } };
  }
};

/** The group's OLA clock as the ticket stands (its deadline goes into the breach record). */
const olaClockOf = (cp: CompiledPolicy, t: TicketState, group: string) => {
  const ola = cp.olas.find((o) => o.group === group);
  return ola === undefined ? null : olaClock(t, ola, Number.POSITIVE_INFINITY);
};

/** What tells one timer's occurrence from another, beside its kind and the instant it fell due. */
const occurrence = (p: PendingTimer): string[] => {
  switch (p.kind) {
    case "escalation":
      return p.cycle === 0 ? [p.metric, `step-${p.step}`] : [p.metric, String(p.cycle), `step-${p.step}`];
    case "warning":
      return [p.metric, String(p.cycle), p.warning];
    case "breach":
      return [p.metric, String(p.cycle)];
    case "ola-breach":
      return [p.group, String(p.cycle)];
    case "downgrade":
      return [p.to];
    case "auto-close":
      return [p.reason];
  }
};

/**
 * The command id of a timer's command: its kind, what it is about and the instant it fell due
 * (`timer/breach/response/0@1741000000000`), so the same occurrence always gets the same id —
 * a worker that appended and then died, and runs it again, has its command recognised
 * (handling/idempotency.ts) — while the next occurrence (a second auto-close after a reopen)
 * gets another. Policy-given names are URI-encoded to fit the command id rule; an id that would
 * still be too long is digested.
 */
export const timerCommandId = (p: PendingTimer): CommandId => {
  const id = `timer/${p.kind}/${occurrence(p).map(encodeURIComponent).join("/")}@${p.at}`;
  return (id.length <= 128 ? id : `timer/${p.kind}/${fnv1a64(id)}@${p.at}`) as CommandId;
};

/** At most this many rounds of "apply, then look again" (a policy cannot chain more). */
const MAX_ROUNDS = 8;

export const due = (
  ticket: TicketState,
  policy: CompiledPolicy,
  now: Instant,
  actor: Actor = timerActor,
): TicketCommand[] => {
  const out: TicketCommand[] = [];
  // One reader for the whole call: its timers and the deadlines their commands carry.
  const reader = createClockReader();
  let state = ticket;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pending = pendingTimers(state, policy, reader).filter((p) => p.at <= now);
    // Late timers: a warning due together with its own breach says nothing the breach does not.
    const breaching = new Set(pending.flatMap((p) => (p.kind === "breach" ? [`${p.metric}/${p.cycle}`] : [])));
    const ready = pending
      .filter((p) => p.kind !== "warning" || !breaching.has(`${p.metric}/${p.cycle}`))
      .sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.at - b.at);
    let applied = 0;
    for (const p of ready) {
      const command = commandFor(reader, p, state, policy, now, actor);
      const decision = decide(command, state, policy.policy);
      // A refused or empty command changes nothing; it is not due.
      if (E.isLeft(decision) || decision.right.length === 0) continue;
      state = fold(decision.right, state);
      out.push(command);
      applied++;
    }
    if (applied === 0) break;
  }
  return out;
};
