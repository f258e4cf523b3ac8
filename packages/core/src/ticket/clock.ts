/**
 * The clock log of a ticket: every fact its SLA clocks read, in order, as one flat list of
 * numbers, beside the readable histories it repeats. It is private to the core, as Equinox
 * keeps its fast mutable form as a private InternalState inside its Fold: not a field of
 * `TicketState` but a private class field (`#log`) this module adds to each state it folds, so
 * it is in no JSON snapshot, `Object.keys`, `Reflect.ownKeys`, spread copy, structured clone or
 * deep-equality of a state, and no code outside this module can read it (`clockLogOf` does).
 * A state without one (read back from JSON, spread into a new object, made by hand) is read
 * through its histories (`clockOfHistories`).
 *
 * Why a private field and not a WeakMap beside the state: measured (bench/fold, bench/sla), a
 * WeakMap entry per folded state cost a third of the fold's time (the entries and their
 * collection), a field on the state costs next to nothing and is read at the speed of a field.
 * Why not a non-enumerable symbol property: `Object.defineProperty` is a runtime call, and it
 * cost the fold about a tenth of its time (issue #11); a private field is added inline.
 *
 * Why a second copy: computing the SLA status of many tickets is bound by memory, not by
 * arithmetic. The readable histories are a graph (a list per history, an object per entry, a
 * boxed number per instant): some forty separate reads per ticket, and with 100,000 tickets
 * in memory each is a cache miss. The clock log is one list of unboxed numbers (V8 keeps a
 * list of numbers packed), so the SLA engine reads a ticket in a few sequential cache lines
 * (bench/sla; docs/sla.md, "How status is computed fast"). The fold writes both, from the
 * same events, in the same step; a property test holds them equal (`clockOfHistories`).
 *
 * Layout: pairs `[at, code]`, in the order the events happened:
 * - a status span began: the status code (`statusCode`), with `REOPENED` added when a reopen
 *   began it;
 * - the priority changed (the opening priority first): `PRIORITY_CHANGED`; the priorities
 *   themselves are in the log's `priorities`, one per such entry, in order;
 * - the policy changed (the opening policy first): `POLICY_CHANGED`;
 * - the first public agent reply: `FIRST_REPLY`; the first shared plan: `PLAN_SHARED`;
 * - a customer-waiting cycle began / ended: `REPLY_CYCLE_STARTED` / `REPLY_CYCLE_ENDED`.
 */
import type { Instant } from "../shared/instant.js";
import type { TicketState } from "./state.js";
import type { StatusOrNone } from "./transitions.js";

/** Status codes: one bit each, so a set of statuses is a bit mask (the SLA pause masks). */
export const statusCodes = {
  none: 1,
  new: 2,
  open: 4,
  "awaiting-customer": 8,
  resolved: 16,
  closed: 32,
} as const satisfies Record<StatusOrNone, number>;

/** The code of a status, as a switch (comparing interned strings beats a keyed lookup). */
export const statusCode = (status: string): number => {
  switch (status) {
    case "open":
      return 4;
    case "awaiting-customer":
      return 8;
    case "new":
      return 2;
    case "resolved":
      return 16;
    case "closed":
      return 32;
    default:
      return 1;
  }
};

/** The status bits of a span code (without `REOPENED`). */
export const STATUS_BITS = 63;
export const REOPENED = 64;
export const PRIORITY_CHANGED = 128;
export const POLICY_CHANGED = 256;
export const FIRST_REPLY = 512;
export const PLAN_SHARED = 1024;
export const REPLY_CYCLE_STARTED = 2048;
export const REPLY_CYCLE_ENDED = 4096;

/**
 * The clock log the readable histories of `t` describe: the fold writes the log as it goes;
 * this rebuilds it from the histories, for states made some other way (and for tests). Entries
 * of one kind keep their order; entries of different kinds at the same instant may be ordered
 * differently from the fold's, which nothing reading the log depends on.
 */
export const clockOfHistories = (
  t: Pick<
    TicketState,
    "statusHistory" | "priorityHistory" | "policyHistory" | "firstPublicAgentReplyAt" | "planSharedAt" | "replyCycles"
  >,
): ClockLog => {
  const entries: [Instant, number][] = [];
  for (const p of t.priorityHistory) entries.push([p.at, PRIORITY_CHANGED]);
  for (const p of t.policyHistory) entries.push([p.at, POLICY_CHANGED]);
  t.statusHistory.forEach((s, i) => {
    // Only a reopen leaves resolved or closed for open (transitions.ts).
    const before = t.statusHistory[i - 1]?.status;
    const reopened = s.status === "open" && (before === "resolved" || before === "closed");
    entries.push([s.from, statusCode(s.status) + (reopened ? REOPENED : 0)]);
  });
  if (t.firstPublicAgentReplyAt !== null) entries.push([t.firstPublicAgentReplyAt, FIRST_REPLY]);
  if (t.planSharedAt !== null) entries.push([t.planSharedAt, PLAN_SHARED]);
  for (const c of t.replyCycles) {
    entries.push([c.start, REPLY_CYCLE_STARTED]);
    if (c.end !== null) entries.push([c.end, REPLY_CYCLE_ENDED]);
  }
  // A stable sort: entries of one kind at one instant stay in order.
  entries.sort((a, b) => a[0] - b[0]);
  return { clock: entries.flat(), priorities: t.priorityHistory.map((p) => p.priority) };
};

/**
 * A clock log: `clock` holds the `[at, code]` pairs, `priorities` the priority of each
 * `PRIORITY_CHANGED` entry, in order. Not frozen: freezing a list of numbers makes V8 box
 * every number, which is what the log avoids; once kept for a state, it is never written again.
 */
export interface ClockLog {
  readonly clock: number[];
  readonly priorities: string[];
}

/** A fresh, empty log for a fold to write. */
export const createClockLog = (): ClockLog => ({ clock: [], priorities: [] });

/** A copy of a log, for an evolve to extend without touching the log of the state it came from. */
export const copyClockLog = (log: ClockLog): ClockLog => ({
  clock: log.clock.slice(),
  priorities: log.priorities.slice(),
});

/** Hands back the object it is given, so a subclass's private field is added to that object. */
class Stamp {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: returning the target is how the log is kept on it
    return target;
  }
}

/**
 * Keeps a clock log on a state as a private field (`#log`), which only this class can read:
 * adding it is a plain property store V8 compiles inline, where `Object.defineProperty` under a
 * symbol was a runtime call per folded state (bench/fold).
 */
class ClockLogKeeper extends Stamp {
  readonly #log: ClockLog;

  private constructor(t: TicketState, log: ClockLog) {
    super(t);
    this.#log = log;
  }

  static keep(t: TicketState, log: ClockLog): void {
    new ClockLogKeeper(t, log);
  }

  static kept(t: TicketState): ClockLog | undefined {
    return #log in t ? (t as unknown as ClockLogKeeper).#log : undefined;
  }
}

/**
 * Keeps `log` as the clock log of `t`, a state the core folded and has not frozen yet (fold
 * and evolve, just before they freeze it). Once only: keeping a second log on a state throws.
 */
export const keepClockLog = (t: TicketState, log: ClockLog): void => ClockLogKeeper.keep(t, log);

/** The log the core's fold or evolve kept on `t`; undefined for a state it did not fold. */
export const keptClockLog = (t: TicketState): ClockLog | undefined => ClockLogKeeper.kept(t);

/**
 * Logs rebuilt for frozen states the core did not fold (a snapshot read back from JSON, then
 * frozen by its reader): a frozen state cannot change, so its log is rebuilt once. Weakly held.
 */
const rebuilt = new WeakMap<TicketState, ClockLog>();

/** The clock log of `t`: the one its fold wrote, or else the one its histories describe. */
export const clockLogOf = (t: TicketState): ClockLog => {
  const kept = ClockLogKeeper.kept(t);
  if (kept !== undefined) return kept;
  if (!Object.isFrozen(t)) return clockOfHistories(t);
  let log = rebuilt.get(t);
  if (log === undefined) {
    log = clockOfHistories(t);
    rebuilt.set(t, log);
  }
  return log;
};
