/**
 * The SLA week: the week's scripts run on one simulated timeline, and a timer worker applies
 * what time makes due — `due(ticket, policy, now)` handled with the system actor, like any
 * other command (docs/design/sla-semantics.md#time-driven-rules). The worker runs in one of two ways:
 * - `every`: on a fixed grid (each hour), as a polling job would; a breach or ladder step
 *   between two runs is recorded at the next run, late, with its true deadline;
 * - `wake-up`: at each ticket's `nextWakeUp`, as a timer store does; everything is recorded at
 *   the instant it happens.
 * People act at their own instants either way. Each instant processed becomes a `Tick` with
 * what happened and every open ticket as it then stands; the last tick is at `until`.
 */
import {
  due,
  type Instant,
  type LoadedTicket,
  loadTicket,
  parseDuration,
  parseInstant,
  type TicketEvent,
  timerActor,
} from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import type { Actor, Desk, TicketRef } from "./desk.js";
import { type ScheduledStep, schedule } from "./script.js";
import { newTicketId } from "./ticket-id.js";
import { compiled, type TicketView, viewTicket } from "./ticket-view.js";
import type { WeekTicket } from "./week-tickets.js";

export type TimerMode =
  | { readonly kind: "every"; readonly every: string; readonly from: string }
  | { readonly kind: "wake-up" };

export interface Happening {
  readonly key: string;
  readonly by: Actor;
  readonly command: string;
  /** What the command appended (a timer command that changed nothing is not listed). */
  readonly events: readonly TicketEvent[];
  /** Applied by the timer worker, not by a person. */
  readonly due: boolean;
}

export interface Tick {
  readonly at: Instant;
  /** The timer worker ran at this instant. */
  readonly timers: boolean;
  readonly happened: readonly Happening[];
  readonly tickets: readonly TicketView[];
}

export interface WeekRun {
  readonly refs: ReadonlyMap<string, TicketRef>;
  readonly ticks: readonly Tick[];
}

const instant = (iso: string): Instant => {
  const at = parseInstant(iso);
  if (at === undefined) throw new Error(`"${iso}" is not an ISO-8601 instant`);
  return at;
};

/** Runs the week's scripts and the timer worker up to `until` (inclusive). */
export const runSlaWeek = async (
  desk: Desk,
  tickets: readonly WeekTicket[],
  mode: TimerMode,
  until: string,
): Promise<WeekRun> => {
  const end = instant(until);
  const byKey = new Map(tickets.map((t) => [t.key, t]));
  const refs = new Map<string, TicketRef>();
  const keyOf = new Map<string, string>();
  const steps: ScheduledStep[] = tickets.flatMap((t) => {
    const opensAt = instant(t.opensAt);
    const ref: TicketRef = { tenantId: t.tenantId, ticketId: newTicketId(opensAt) };
    refs.set(t.key, ref);
    keyOf.set(ref.ticketId, t.key);
    return schedule(ref, t.script, opensAt);
  });
  steps.sort((a, b) => a.at - b.at);
  const every = mode.kind === "every" ? (parseDuration(mode.every) ?? 0) : 0;
  if (mode.kind === "every" && every <= 0) throw new Error(`"${mode.every}" is not a positive duration`);
  let nextRun: Instant | null = mode.kind === "every" ? instant(mode.from) : null;
  const opened: string[] = [];
  const ticks: Tick[] = [];
  let i = 0;

  // Each ticket is read back from the store after it changed, and only then.
  const loaded = new Map<string, LoadedTicket>();
  const views = async (now: Instant): Promise<TicketView[]> => {
    const out: TicketView[] = [];
    for (const key of opened) {
      const ref = refs.get(key)!;
      let ticket = loaded.get(key);
      if (ticket === undefined) {
        ticket = await loadTicket(desk.store, ref.tenantId, ref.ticketId);
        loaded.set(key, ticket);
      }
      out.push(viewTicket(key, ref, byKey.get(key)!.policy, ticket, now));
    }
    return out;
  };

  while (true) {
    const at = Math.min(steps[i]?.at ?? Number.POSITIVE_INFINITY, nextRun ?? Number.POSITIVE_INFINITY);
    if (!(at <= end)) break;
    desk.clock.advanceTo(at);
    const happened: Happening[] = [];
    for (; i < steps.length && steps[i]!.at === at; i++) {
      const { ticket, step } = steps[i]!;
      const key = keyOf.get(ticket.ticketId)!;
      const result = await desk.send(ticket, step.by, step);
      if (E.isLeft(result)) throw new Error(`${key} ${step.type} was refused: ${result.left.message}`);
      if (step.type === "open") opened.push(key);
      loaded.delete(key);
      happened.push({ key, by: step.by, command: step.type, events: result.right.events, due: false });
    }
    const timers = mode.kind === "wake-up" || at === nextRun;
    if (timers) {
      for (const view of await views(at)) {
        for (const command of due(view.loaded.state, compiled(view.policy), at, timerActor)) {
          const result = await desk.apply(command);
          if (E.isLeft(result)) throw new Error(`${view.key} ${command.type} was refused: ${result.left.message}`);
          if (result.right.events.length === 0) continue;
          loaded.delete(view.key);
          happened.push({
            key: view.key,
            by: timerActor,
            command: command.type,
            events: result.right.events,
            due: true,
          });
        }
      }
    }
    const tickets = await views(at);
    ticks.push({ at, timers, happened, tickets });
    if (mode.kind === "every") {
      if (at === nextRun) nextRun += every;
    } else {
      // The earliest wake-up still ahead; one at or before `at` was applied, or changes nothing.
      const ahead = tickets.flatMap((v) => (v.nextWakeUp !== null && v.nextWakeUp > at ? [v.nextWakeUp] : []));
      nextRun = ahead.length === 0 ? null : Math.min(...ahead);
    }
  }
  // The run ends at `until`, even when nothing happened since the last instant.
  if ((ticks.at(-1)?.at ?? Number.NEGATIVE_INFINITY) < end) {
    desk.clock.advanceTo(end);
    ticks.push({ at: end, timers: false, happened: [], tickets: await views(end) });
  }
  return { refs, ticks };
};
