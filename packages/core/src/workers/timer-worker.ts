/**
 * One timer-worker pass (docs/design/event-store.md#timers; docs/design/sla-semantics.md#time-driven-rules): claim the
 * tickets whose wake-up is due, load each, apply `due(ticket, policy, now)` through the
 * notifying handler (so breaches, ladder steps and auto-closes notify like any other event,
 * and each append writes the ticket's next wake-up), then end the lease. The lease keeps two
 * workers off one ticket; the record commands are idempotent besides, so a ticket handled
 * twice at one `now` gains no second event.
 */
import * as E from "fp-ts/lib/Either.js";
import { loadTicket } from "../handling/load-ticket.js";
import { handleNotifying, type NotifyingHandlerOptions } from "../handling/notifying-handler.js";
import { compiledPolicyOf } from "../policy/compile.js";
import type { Policy } from "../policy/policy.js";
import { type PolicyResolver, pinnedPolicy, unknownPolicyMessage } from "../policy/resolver.js";
import type { Instant } from "../shared/instant.js";
import type { ClaimedTimer, OutboxStore, TimerQueue } from "../store/outbox.js";
import type { TicketState } from "../ticket/state.js";
import { due } from "../timers/due.js";
import { nextWakeUp } from "../timers/next-wake-up.js";
import { messageOf } from "./message.js";

export interface TimerRunOptions extends NotifyingHandlerOptions {
  readonly now: Instant;
  /** This worker's name (unique per process), recorded with its leases. */
  readonly owner: string;
  /** How long a claim holds (default 60 s): longer than handling one ticket takes. */
  readonly leaseMs?: number;
  /** Tickets per pass (default 50). */
  readonly limit?: number;
  /** A ticket that failed, or whose due timer changed nothing, is looked at again after this (default 5 min). */
  readonly retryMs?: number;
}

export interface TimerOutcome {
  readonly tenantId: string;
  readonly ticketId: string;
  /** Types of the commands that appended events, in order. */
  readonly applied: readonly string[];
  readonly error?: string;
}

export interface TimerRunReport {
  readonly claimed: number;
  readonly tickets: readonly TimerOutcome[];
}

interface Worked {
  readonly outcome: TimerOutcome;
  readonly next: Instant | null;
}

const workTicket = async (
  timer: ClaimedTimer,
  store: OutboxStore,
  policies: PolicyResolver<Policy>,
  options: TimerRunOptions,
  retryAt: Instant,
): Promise<Worked> => {
  const base = { tenantId: timer.tenantId, ticketId: timer.ticketId };
  const { state } = await loadTicket(store, timer.tenantId, timer.ticketId);
  // The version the ticket is pinned to: a newer version of its policy never moves its timers.
  const policy = pinnedPolicy(policies, state);
  // A wake-up for a ticket that is gone has nothing left to do.
  if (state.policyId === null) return { outcome: { ...base, applied: [] }, next: null };
  if (!policy) return { outcome: { ...base, applied: [], error: unknownPolicyMessage(state) }, next: retryAt };
  const compiled = compiledPolicyOf(policy);
  if (E.isLeft(compiled)) return { outcome: { ...base, applied: [], error: compiled.left.message }, next: retryAt };
  const applied: string[] = [];
  let last: TicketState = state;
  for (const command of due(state, compiled.right, options.now)) {
    const handled = await handleNotifying(store, policies, command, options);
    if (E.isLeft(handled)) return { outcome: { ...base, applied, error: handled.left.message }, next: retryAt };
    if (handled.right.events.length > 0 && !handled.right.replayed) applied.push(command.type);
    last = handled.right.state;
  }
  const next = nextWakeUp(last, compiled.right);
  // A due timer that changed nothing would wake the ticket again at once, forever: wait instead.
  const stuck = applied.length === 0 && next !== null && next <= options.now;
  return { outcome: { ...base, applied }, next: stuck ? retryAt : next };
};

export const runDueTimers = async (
  queue: TimerQueue,
  store: OutboxStore,
  policies: PolicyResolver<Policy>,
  options: TimerRunOptions,
): Promise<TimerRunReport> => {
  const { now, owner } = options;
  const retryAt = now + (options.retryMs ?? 300_000);
  const claimed = await queue.claimDue({ now, owner, leaseMs: options.leaseMs ?? 60_000, limit: options.limit ?? 50 });
  const tickets: TimerOutcome[] = [];
  for (const timer of claimed) {
    let worked: Worked;
    try {
      worked = await workTicket(timer, store, policies, options, retryAt);
    } catch (e) {
      // A corrupt event or a lost connection: keep the ticket's timer and look again later.
      const error = messageOf(e);
      worked = { outcome: { tenantId: timer.tenantId, ticketId: timer.ticketId, applied: [], error }, next: retryAt };
    }
    await queue.release(timer, owner, worked.next);
    tickets.push(worked.outcome);
  }
  return { claimed: claimed.length, tickets };
};
