/**
 * `due(ticket, policy, now)`: the system commands time makes due at `now` — records of SLA
 * warnings, breaches and ladder steps, the downgrade on customer silence, auto-closes — in the
 * order they must be applied (records first, then priority, then close). Each is checked with
 * `decide` and applied to a scratch state; what the result makes due at the same `now` (a breach
 * that a downgrade reveals) is added, until nothing more is. Hence applying the list and calling
 * `due` again at the same `now` yields nothing (semantics: Time-driven rules), and the
 * idempotent record commands make a second delivery harmless.
 */
import * as E from "fp-ts/lib/Either.js";
import { decide } from "../decide/decide.js";
import type { CompiledPolicy } from "../policy/compiled.js";
import type { Instant } from "../shared/instant.js";
import { metricStatus } from "../sla/status.js";
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
  downgrade: 3,
  "auto-close": 4,
};

const commandFor = (p: PendingTimer, t: TicketState, cp: CompiledPolicy, now: Instant, actor: Actor): TicketCommand => {
  const envelope = { ticketId: t.ticketId, tenantId: t.tenantId, at: now, actor } as Pick<
    TicketCommand,
    "ticketId" | "tenantId" | "at" | "actor"
  >;
  const deadlineOf = (metric: string): Instant => {
    const m = cp.metrics.find((x) => x.name === metric);
    return (m && metricStatus(t, cp, m, now)?.deadline) ?? now;
  };
  switch (p.kind) {
    case "escalation": {
      const step = cp.ladder[p.step]!;
      const data = { level: step.level, metric: step.metric, step: step.index, roles: [...step.roles] };
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

/** At most this many rounds of "apply, then look again" (a policy cannot chain more). */
const MAX_ROUNDS = 8;

export const due = (
  ticket: TicketState,
  policy: CompiledPolicy,
  now: Instant,
  actor: Actor = timerActor,
): TicketCommand[] => {
  const out: TicketCommand[] = [];
  let state = ticket;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pending = pendingTimers(state, policy).filter((p) => p.at <= now);
    // Late timers: a warning due together with its own breach says nothing the breach does not.
    const breaching = new Set(pending.flatMap((p) => (p.kind === "breach" ? [`${p.metric}/${p.cycle}`] : [])));
    const ready = pending
      .filter((p) => p.kind !== "warning" || !breaching.has(`${p.metric}/${p.cycle}`))
      .sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.at - b.at);
    let applied = 0;
    for (const p of ready) {
      const command = commandFor(p, state, policy, now, actor);
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
