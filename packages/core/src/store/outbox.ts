/**
 * The outbox and timer seams of a store (docs/design/event-store.md#outbox, docs/design/event-store.md#timers). A store that can
 * deliver notifications implements `OutboxStore`: one append writes the events, the
 * notification intents they cause (outbox entries, keyed by intent id) and the ticket's next
 * wake-up, all or nothing. Dispatchers and timer workers then work through `OutboxQueue` and
 * `TimerQueue`, which every adapter implements with leases, so a killed worker's rows come
 * back after the lease and several workers never hold the same row at once.
 *
 * Nothing here reads a clock: every operation takes `now` and the worker's name.
 */
import type { NotificationIntent } from "../notifications/intent.js";
import type { Instant } from "../shared/instant.js";
import type { AppendResult, EventStore, ExpectedVersion, NewEvent } from "./types.js";

export interface AppendWithOutboxOptions {
  readonly expectedVersion: ExpectedVersion;
  /** Intents to deliver; an intent id already in the outbox is kept as it is (a replay). */
  readonly outbox: readonly NotificationIntent[];
  /** The ticket's next wake-up after these events: an instant, null for none, absent to leave it. */
  readonly wakeUp?: Instant | null;
}

/** A store that appends events, outbox entries and the wake-up in one transaction. */
export interface OutboxStore extends EventStore {
  appendWithOutbox(
    tenantId: string,
    streamId: string,
    events: readonly NewEvent[],
    options: AppendWithOutboxOptions,
  ): Promise<AppendResult>;
}

export const supportsOutbox = (store: EventStore): store is OutboxStore =>
  typeof (store as Partial<OutboxStore>).appendWithOutbox === "function";

/** Who claims and for how long: a claim is a lease that lapses at `now + leaseMs`. */
export interface ClaimRequest {
  readonly now: Instant;
  /** The worker's name, recorded with the lease; only the holder can settle a row. */
  readonly owner: string;
  readonly leaseMs: number;
  readonly limit: number;
}

/** An outbox entry a dispatcher holds. */
export interface ClaimedIntent {
  readonly intent: NotificationIntent;
  /** Attempts made before this claim. */
  readonly attempts: number;
  /** Channels that already took this intent (not sent to again on a retry). */
  readonly channelsDone: readonly string[];
}

/** One channel's try at one intent, as the attempt log keeps it. */
export interface DeliveryAttempt {
  readonly intentId: string;
  /** 1-based attempt number of the entry. */
  readonly attempt: number;
  readonly channel: string;
  readonly at: Instant;
  readonly outcome: "delivered" | "failed";
  readonly error?: string;
}

/** An outbox entry as adapters show it (for operators, dashboards and tests). */
export interface OutboxEntry {
  readonly intent: NotificationIntent;
  /** `pending` until every channel took it; `dead` after a final refusal or the last attempt. */
  readonly status: "pending" | "delivered" | "dead";
  readonly attempts: number;
  readonly channelsDone: readonly string[];
  /** Not before this instant: the intent's `notBefore` (quiet hours), then the retry time. */
  readonly nextAttemptAt: Instant;
  readonly lastError: string | null;
  readonly lockedBy: string | null;
  readonly lockedUntil: Instant | null;
}

/** How a claimed entry ends this round. */
export type Settlement =
  | { readonly status: "delivered" }
  | { readonly status: "retry"; readonly retryAt: Instant; readonly error: string }
  | { readonly status: "dead"; readonly error: string };

export interface OutboxQueue {
  /** Claims pending entries that are due (`notBefore` and retry time reached) and not leased. */
  claim(request: ClaimRequest): Promise<ClaimedIntent[]>;
  /**
   * Records the attempts and settles the entry, if `owner` still holds its lease (returns
   * false when the lease lapsed and another dispatcher took it: its result stands instead).
   */
  settle(
    claimed: ClaimedIntent,
    owner: string,
    attempts: readonly DeliveryAttempt[],
    settlement: Settlement,
  ): Promise<boolean>;
}

/** A ticket whose wake-up is due, held by a timer worker. */
export interface ClaimedTimer {
  readonly tenantId: string;
  readonly ticketId: string;
  readonly dueAt: Instant;
}

export interface TimerQueue {
  /** Claims tickets whose wake-up is at or before `now` and that nobody holds. */
  claimDue(request: ClaimRequest): Promise<ClaimedTimer[]>;
  /**
   * Ends the lease. `nextDueAt` replaces the wake-up only while it is still the claimed one
   * (an append in between has already written a newer one, which wins).
   */
  release(timer: ClaimedTimer, owner: string, nextDueAt: Instant | null): Promise<void>;
}

/** What a channel answers for one intent; `retryable: false` makes the entry a dead letter. */
export type ChannelOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryable: boolean; readonly error: string };

/** A way out (mail, webhook): the app adapts its channel packages to this. */
export interface DeliveryChannel {
  readonly name: string;
  deliver(intent: NotificationIntent): Promise<ChannelOutcome>;
}
