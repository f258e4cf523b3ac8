/**
 * A ticket's life under a policy, as a plan: when it opens, at which priority, then moves —
 * each a gap and what happens — with realistic timing: tickets open mostly in the policy's
 * business hours (sometimes at night or on a weekend), people act after minutes or hours,
 * sometimes days, now and then weeks; requesters answer, reopen and ask for escalation, agents
 * reply, ask, plan, resolve and change the priority. A plan is data (it shrinks well and prints
 * as a readable timeline); `liveTicket` runs it through the engine.
 */
import { compileCalendar, type Duration, formatDuration, type Instant, MINUTE, type Policy } from "@ticketfold/core";
import fc from "fast-check";
import { displayZoneOf } from "../sla-spec/zone.js";
import { showInstant } from "../time/display.js";

export const LIFE_MOVES = [
  "accept",
  "reply",
  "note",
  "comment",
  "await",
  "plan",
  "resolve",
  "reopen",
  "close",
  "priority",
  "escalate",
  "approve",
  "tick",
] as const;
/** What happens next: an agent's act, a requester's, or (`tick`) the timers run at that instant. */
export type LifeMove = (typeof LIFE_MOVES)[number];

export interface LifePlan {
  readonly policyId: string;
  readonly start: Instant;
  /** The priority asked for at opening (a level of the policy's scale). */
  readonly priority: string;
  /** Each move after a gap from the one before; `arg` picks a priority level for `priority`. */
  readonly moves: readonly (readonly [gap: Duration, move: LifeMove, arg: number])[];
  /** The zone the plan prints in. */
  readonly zone: string;
}

export interface LifeOptions {
  /** Tickets open in `[from, to]` (default 2024-01-01 … 2026-12-01, UTC). */
  readonly from?: Instant;
  readonly to?: Instant;
  /** At most this many moves after the opening (default 12). */
  readonly maxMoves?: number;
  /** The moves to draw from (default: all but `tick`). */
  readonly moves?: readonly LifeMove[];
}

const WEIGHT: Record<LifeMove, number> = {
  accept: 2,
  reply: 3,
  note: 1,
  comment: 3,
  await: 2,
  plan: 1,
  resolve: 2,
  reopen: 1,
  close: 1,
  priority: 2,
  escalate: 1,
  approve: 1,
  tick: 2,
};

/** Minutes mostly, then hours, sometimes days, now and then weeks. */
export const lifeGapArb: fc.Arbitrary<Duration> = fc
  .oneof(
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 59 }) },
    { weight: 4, arbitrary: fc.integer({ min: 60, max: 8 * 60 }) },
    { weight: 2, arbitrary: fc.integer({ min: 8 * 60, max: 3 * 24 * 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: 3 * 24 * 60, max: 20 * 24 * 60 }) },
  )
  .map((m) => m * MINUTE);

/** The business calendar tickets mostly open in: the one the policy's SLA counts on, if any. */
const openingCalendar = (policy: Policy) => {
  const zone = displayZoneOf(policy);
  const def = Object.values(policy.calendars ?? {}).find((c) => c.kind !== "24x7" && c.timeZone === zone);
  return def === undefined ? undefined : compileCalendar(def);
};

/** Prints a plan as the timeline it asks for. */
const showPlan = (plan: LifePlan): string => {
  let at = plan.start;
  const lines = [`open at ${showInstant(at, plan.zone)} with priority ${plan.priority}`];
  for (const [gap, move, arg] of plan.moves) {
    at += gap;
    lines.push(
      `+${formatDuration(gap)} ${move}${move === "priority" ? ` (level #${arg})` : ""} at ${showInstant(at, plan.zone)}`,
    );
  }
  return `LifePlan(${plan.policyId}):\n  ${lines.join("\n  ")}`;
};

/** Plans of tickets under `policy` (see the module note). */
export const lifePlanArb = (policy: Policy, options: LifeOptions = {}): fc.Arbitrary<LifePlan> => {
  const from = options.from ?? Date.UTC(2024, 0, 1);
  const to = options.to ?? Date.UTC(2026, 11, 1);
  const levels = policy.priorities.levels.map((l) => l.id);
  const moves = options.moves ?? LIFE_MOVES.filter((m) => m !== "tick");
  const calendar = openingCalendar(policy);
  const zone = displayZoneOf(policy);
  const base = fc.integer({ min: Math.ceil(from / MINUTE), max: Math.floor(to / MINUTE) }).map((m) => m * MINUTE);
  const inHours =
    calendar === undefined
      ? base
      : fc
          .tuple(base, fc.integer({ min: 0, max: 300 }))
          .map(([t, m]) => Math.min(to, calendar.nextOpen(t) + m * MINUTE));
  const move = fc.oneof(...moves.map((m) => ({ weight: WEIGHT[m], arbitrary: fc.constant(m) })));
  return fc
    .record({
      start: fc.oneof({ weight: 3, arbitrary: inHours }, { weight: 1, arbitrary: base }),
      priority: fc.constantFrom(...levels),
      moves: fc.array(fc.tuple(lifeGapArb, move, fc.nat({ max: Math.max(0, levels.length - 1) })), {
        maxLength: options.maxMoves ?? 12,
      }),
    })
    .map((p) => {
      const plan: LifePlan = { policyId: policy.id, zone, ...p };
      return Object.defineProperty(plan, fc.toStringMethod, { value: () => showPlan(plan), enumerable: false });
    });
};
