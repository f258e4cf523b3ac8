/**
 * OLA clocks (docs/sla.md, "OLAs"): one per support group the policy binds (`sla.olas`), beside
 * the customer's SLA clocks and never mixed with them. A group's clock runs from the hand-over
 * to the group (`assigned` with that `group`) until the ticket is handed on to another group, or
 * resolved or closed; time in the OLA's pause statuses does not count. Each hand-over to the
 * group is a cycle of its own (`cycle` = how many hand-overs to the group came before), with
 * the full target; only the latest is read here, as earlier ones were recorded when they fell
 * due. The target is the one for the priority in force, counted from the hand-over (keep
 * start); a breach a priority change reveals is observed at the change, never back-dated.
 * Readable on purpose: OLAs are read per ticket, not on the status hot path.
 */
import type { CompiledOla, CompiledPolicy } from "../policy/compiled.js";
import { statusBitOf } from "../policy/compiled.js";
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { TicketState } from "../ticket/state.js";

export interface OlaStatus {
  readonly group: string;
  /** The hand-over this clock belongs to: 0 for the first hand-over to the group. */
  readonly cycle: number;
  readonly state: "running" | "paused" | "met" | "breached";
  readonly priority: string;
  readonly target: Duration;
  readonly startedAt: Instant;
  /** When the group handed the ticket on, or it was resolved or closed; null while it holds it. */
  readonly stoppedAt: Instant | null;
  readonly elapsed: Duration;
  readonly remaining: Duration;
  readonly deadline: Instant;
  readonly breachedAt: Instant | null;
  readonly calendar: { readonly id: string; readonly version: number };
}

const ENDED = statusBitOf("resolved") | statusBitOf("closed");

/** The latest run of `ola`'s group on the ticket: its cycle, start and stop; null when never handed to it. */
const latestRun = (t: TicketState, ola: CompiledOla) => {
  const history = t.groupHistory;
  let index = -1;
  let cycle = -1;
  for (let i = 0; i < history.length; i++)
    if (history[i]?.group === ola.group) {
      index = i;
      cycle++;
    }
  if (index < 0) return null;
  const start = (history[index] as { at: Instant }).at;
  let stop: Instant | null = history[index + 1]?.at ?? null;
  for (const span of t.statusHistory)
    if (span.from >= start && (statusBitOf(span.status) & ENDED) !== 0 && (stop === null || span.from < stop)) {
      stop = span.from;
      break;
    }
  return { cycle, start, stop };
};

/** The priority in force at `at`, and the instant it took effect. */
const priorityAt = (t: TicketState, at: Instant): { priority: string; since: Instant } => {
  let found = { priority: t.priority ?? "", since: t.openedAt ?? at };
  for (const change of t.priorityHistory) if (change.at <= at) found = { priority: change.priority, since: change.at };
  return found;
};

/** The status of one OLA of the ticket at `now` (+∞: as the ticket stands, for timers); null when it has none. */
export const olaClock = (t: TicketState, ola: CompiledOla, now: Instant): OlaStatus | null => {
  const run = latestRun(t, ola);
  if (run === null || run.start > now) return null;
  const end = run.stop !== null && run.stop < now ? run.stop : now;
  const { priority, since } = priorityAt(t, end === Number.POSITIVE_INFINITY ? Number.MAX_SAFE_INTEGER : end);
  const compiled = ola.targets.get(priority);
  if (compiled === undefined) return null;
  const cal = compiled.calendar;
  const target = compiled.budgetFrom(run.start);
  let elapsed = 0;
  let reachedAt: Instant | null = null;
  let counting = false;
  const spans = t.statusHistory;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as { status: string; from: Instant };
    const from = Math.max(span.from, run.start);
    const to = Math.min(spans[i + 1]?.from ?? Number.POSITIVE_INFINITY, end);
    if (to <= from) continue;
    counting = (statusBitOf(span.status) & ola.pauseMask) === 0;
    if (!counting) continue;
    // An open-ended span (timers read the ticket as it stands) only locates the deadline.
    const d = to === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : cal.between(from, to);
    if (reachedAt === null && elapsed + d >= target) reachedAt = cal.add(from, target - elapsed);
    if (to !== Number.POSITIVE_INFINITY) elapsed += d;
  }
  const stopped = run.stop !== null && run.stop <= now;
  const breached = reachedAt !== null && reachedAt <= end;
  // Not reached: where it falls if the clock counts on from `end` (paused: if it resumed now).
  const deadline = reachedAt ?? (Number.isFinite(end) ? cal.add(end, target - elapsed) : Number.POSITIVE_INFINITY);
  return {
    group: ola.group,
    cycle: run.cycle,
    state: breached ? "breached" : stopped ? "met" : counting ? "running" : "paused",
    priority,
    target,
    startedAt: run.start,
    stoppedAt: stopped ? run.stop : null,
    elapsed,
    remaining: target - elapsed,
    deadline,
    breachedAt: breached ? Math.max(deadline, since) : null,
    calendar: { id: compiled.calendarRef.id, version: compiled.calendarRef.version },
  };
};

/** Every OLA clock of the ticket at `now`, by group (groups never handed the ticket are absent). */
export const olaStatus = (
  t: TicketState,
  policy: CompiledPolicy,
  now: Instant,
): Readonly<Record<string, OlaStatus>> => {
  const out: Record<string, OlaStatus> = {};
  for (const ola of policy.olas) {
    const s = olaClock(t, ola, now);
    if (s !== null) out[ola.group] = s;
  }
  return out;
};
