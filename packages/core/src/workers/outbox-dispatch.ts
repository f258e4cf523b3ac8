/**
 * One dispatcher pass over an outbox (docs/design/event-store.md#outbox): claim due entries with a
 * lease, hand each to every configured channel that has not taken it yet, record every
 * attempt, then settle the entry — delivered, retried later with exponential backoff, or a
 * dead letter (a final refusal, or `maxAttempts` used up). Delivery is at least once: a
 * dispatcher that dies after sending and before settling leaves the entry leased; after the
 * lease another dispatcher sends it again under the same idempotency key (the intent id).
 */

import { reachableRecipients } from "../notifications/erasure.js";
import type { Instant } from "../shared/instant.js";
import type { ChannelOutcome, DeliveryAttempt, DeliveryChannel, OutboxQueue, Settlement } from "../store/outbox.js";
import { messageOf } from "./message.js";

export interface RetryBackoff {
  /** Delay before the first retry, in ms (default 30 s). */
  readonly baseDelayMs: number;
  /** No retry waits longer (default 1 h). */
  readonly maxDelayMs: number;
}

export const defaultRetryBackoff: RetryBackoff = { baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/** Delay before retry `n` (1 = first): base · 2^(n-1), capped. Deterministic: the core draws no randomness. */
export const retryDelay = (n: number, backoff: RetryBackoff = defaultRetryBackoff): number =>
  Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** Math.max(0, n - 1));

export interface DispatchOptions {
  readonly now: Instant;
  /** This dispatcher's name (unique per process), recorded with its leases. */
  readonly owner: string;
  /** How long a claim holds; after it another dispatcher may take the entry (default 60 s). */
  readonly leaseMs?: number;
  /** Entries per pass (default 50). */
  readonly limit?: number;
  /** Attempts before an entry becomes a dead letter (default 8). */
  readonly maxAttempts?: number;
  readonly backoff?: RetryBackoff;
}

export interface DispatchReport {
  readonly claimed: number;
  readonly delivered: readonly string[];
  readonly retried: readonly string[];
  readonly dead: readonly string[];
  /** Entries whose lease lapsed before they were settled (another dispatcher owns them now). */
  readonly lost: readonly string[];
}

/** A channel that throws is treated like one that failed with a retryable error. */
const tryChannel = async (channel: DeliveryChannel, intent: Parameters<DeliveryChannel["deliver"]>[0]) => {
  try {
    return await channel.deliver(intent);
  } catch (e) {
    return { ok: false, retryable: true, error: `${channel.name} threw: ${messageOf(e)}` } satisfies ChannelOutcome;
  }
};

export const dispatchOutbox = async (
  queue: OutboxQueue,
  channels: readonly DeliveryChannel[],
  options: DispatchOptions,
): Promise<DispatchReport> => {
  const { now, owner } = options;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 8);
  const claimed = await queue.claim({ now, owner, leaseMs: options.leaseMs ?? 60_000, limit: options.limit ?? 50 });
  const report = { claimed: claimed.length, delivered: [], retried: [], dead: [], lost: [] } as {
    [K in keyof DispatchReport]: K extends "claimed" ? number : string[];
  };
  for (const entry of claimed) {
    const id = entry.intent.id;
    // A forgotten subject's address reads `[erased]`: nobody is sent to it (docs/personal-data.md).
    const recipients = reachableRecipients(entry.intent.recipients);
    if (recipients.length === 0 && entry.intent.recipients.length > 0) {
      const settlement: Settlement = {
        status: "dead",
        error: "every recipient's address was erased (subject forgotten)",
      };
      if (await queue.settle(entry, owner, [], settlement)) report.dead.push(id);
      else report.lost.push(id);
      continue;
    }
    const intent = { ...entry.intent, recipients };
    const attempt = entry.attempts + 1;
    const attempts: DeliveryAttempt[] = [];
    const failures: { retryable: boolean; error: string }[] = [];
    // Every channel is tried, so one channel's outage never holds back the others.
    for (const channel of channels) {
      if (entry.channelsDone.includes(channel.name)) continue;
      const outcome = await tryChannel(channel, intent);
      if (outcome.ok) {
        attempts.push({ intentId: id, attempt, channel: channel.name, at: now, outcome: "delivered" });
      } else {
        const error = `${channel.name}: ${outcome.error}`;
        attempts.push({ intentId: id, attempt, channel: channel.name, at: now, outcome: "failed", error });
        failures.push({ retryable: outcome.retryable, error });
      }
    }
    const error = failures.map((f) => f.error).join("; ");
    const settlement: Settlement =
      failures.length === 0
        ? { status: "delivered" }
        : failures.some((f) => !f.retryable) || attempt >= maxAttempts
          ? { status: "dead", error }
          : { status: "retry", retryAt: now + retryDelay(attempt, options.backoff), error };
    const settled = await queue.settle(entry, owner, attempts, settlement);
    if (!settled) report.lost.push(id);
    else if (settlement.status === "delivered") report.delivered.push(id);
    else if (settlement.status === "retry") report.retried.push(id);
    else report.dead.push(id);
  }
  return report;
};
