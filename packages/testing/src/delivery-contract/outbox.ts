/**
 * The outbox contract every OutboxStore runs (in-memory, PostgreSQL, PGlite, and yours): an append writes
 * events, outbox entries and the wake-up together or not at all; entries wait for `notBefore`;
 * a claim is a lease that only its holder settles and that lapses for another dispatcher; a
 * dispatcher killed after sending leaves the entry to be sent again under the same key.
 */

import type {
  DeliveryAttempt,
  NotificationIntent,
  OutboxEntry,
  OutboxQueue,
  OutboxStore,
  TimerQueue,
} from "@ticketfold/core";
import { dispatchOutbox, HOUR, handleNotifying, MINUTE } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { countingIds, deskPolicies, openCommand, REQUESTER, recordingChannel, T0, TENANT, TICKET } from "./fixtures.js";

/** What a contract run needs from an adapter: the store, its queues and read-only views. */
export interface DeliveryHarness {
  readonly store: OutboxStore;
  readonly outbox: OutboxQueue;
  readonly timers: TimerQueue;
  entries(): Promise<OutboxEntry[]>;
  attempts(intentId?: string): Promise<DeliveryAttempt[]>;
  timer(ticketId: string): Promise<{ readonly dueAt: number | null; readonly lockedBy: string | null } | undefined>;
}

export const LEASE = 5 * MINUTE;

/** Opens the fixture ticket through the notifying handler; returns its intents. */
export const openFixtureTicket = async (h: DeliveryHarness, ids = countingIds()): Promise<NotificationIntent[]> => {
  const handled = await handleNotifying(h.store, deskPolicies, openCommand(), { newEventId: ids });
  if (E.isLeft(handled)) throw new Error(handled.left.message);
  return [...handled.right.intents];
};

export const intentAt = (id: string, at: number, notBefore?: number): NotificationIntent => ({
  id,
  eventId: id.split("/")[0] ?? id,
  ticketId: TICKET,
  tenantId: TENANT,
  rule: "customer-comment",
  templateKey: "customer-comment",
  locale: "en",
  recipients: [{ role: "assignee", address: "ann@desk.example" }],
  audience: "staff",
  urgent: false,
  at,
  data: { body: "hello" },
  ...(notBefore !== undefined ? { notBefore } : {}),
});

export const describeOutboxContract = (name: string, harness: () => Promise<DeliveryHarness>): void => {
  describe(`${name}: outbox`, () => {
    it("an append writes its events, their intents and the ticket's wake-up together", async () => {
      const h = await harness();
      const intents = await openFixtureTicket(h);
      const stored = await h.store.readStream(TENANT, TICKET);
      expect(stored.events.map((e) => e.eventId)).toEqual(["ev-000001"]);
      expect(intents.map((i) => i.id)).toEqual(["ev-000001/ticket-opened/requester"]);
      const entries = await h.entries();
      expect(entries.map((e) => [e.intent.id, e.status, e.attempts, e.nextAttemptAt])).toEqual([
        ["ev-000001/ticket-opened/requester", "pending", 0, T0],
      ]);
      expect(entries[0]?.intent).toEqual(intents[0]);
      expect((await h.timer(TICKET))?.dueAt).toBe(T0 + HOUR);
    });

    it("a refused append writes neither events nor outbox entries nor a wake-up", async () => {
      const h = await harness();
      const append = h.store.appendWithOutbox(
        TENANT,
        TICKET,
        [{ type: "noted", schemaVersion: 1, data: {}, metadata: {}, eventId: "ev-x" }],
        { expectedVersion: 3, outbox: [intentAt("ev-x/customer-comment/assignee", T0)], wakeUp: T0 },
      );
      await expect(append).rejects.toMatchObject({ code: "CONCURRENCY_CONFLICT", expected: 3, actual: 0 });
      expect(await h.store.streamExists(TENANT, TICKET)).toBe(false);
      expect(await h.entries()).toEqual([]);
      expect(await h.timer(TICKET)).toBeUndefined();
    });

    it("an intent id already in the outbox is kept once", async () => {
      const h = await harness();
      const intent = intentAt("ev-1/customer-comment/assignee", T0);
      const event = (id: string) => ({ type: "noted", schemaVersion: 1, data: {}, metadata: {}, eventId: id });
      await h.store.appendWithOutbox(TENANT, "s1", [event("e1")], { expectedVersion: "any", outbox: [intent] });
      await h.store.appendWithOutbox(TENANT, "s1", [event("e2")], { expectedVersion: "any", outbox: [intent] });
      expect((await h.entries()).map((e) => e.intent.id)).toEqual([intent.id]);
    });

    it("an entry waits for notBefore (quiet hours), and a claim is a lease", async () => {
      const h = await harness();
      const intent = intentAt("ev-1/customer-comment/assignee", T0, T0 + 2 * HOUR);
      await h.store.appendWithOutbox(TENANT, "s1", [{ type: "noted", schemaVersion: 1, data: {}, metadata: {} }], {
        expectedVersion: "any",
        outbox: [intent],
      });
      const claim = (owner: string, now: number) => h.outbox.claim({ now, owner, leaseMs: LEASE, limit: 10 });
      expect(await claim("a", T0 + HOUR)).toEqual([]);
      const got = await claim("a", T0 + 2 * HOUR);
      expect(got.map((c) => [c.intent.id, c.attempts, c.channelsDone])).toEqual([[intent.id, 0, []]]);
      expect(await claim("b", T0 + 2 * HOUR + LEASE - 1)).toEqual([]);
      expect((await claim("b", T0 + 2 * HOUR + LEASE)).map((c) => c.intent.id)).toEqual([intent.id]);
      expect((await h.entries())[0]).toMatchObject({ lockedBy: "b", lockedUntil: T0 + 2 * HOUR + 2 * LEASE });
    });

    it("retries with backoff only the channels that failed, logs every attempt, dead-letters at the last", async () => {
      const h = await harness();
      const [opened] = await openFixtureTicket(h);
      const mail = recordingChannel("mail");
      const hook = recordingChannel("webhook", () => ({ ok: false, retryable: true, error: "HTTP 503" }));
      const run = (now: number) =>
        dispatchOutbox(h.outbox, [mail, hook], { now, owner: "d1", leaseMs: LEASE, maxAttempts: 3 });
      expect(await run(T0)).toMatchObject({ claimed: 1, retried: [opened?.id] });
      expect((await h.entries())[0]).toMatchObject({
        status: "pending",
        attempts: 1,
        channelsDone: ["mail"],
        nextAttemptAt: T0 + 30_000,
        lastError: "webhook: HTTP 503",
        lockedBy: null,
      });
      expect((await run(T0 + 29_999)).claimed).toBe(0);
      expect(await run(T0 + 30_000)).toMatchObject({ retried: [opened?.id] });
      expect((await h.entries())[0]?.nextAttemptAt).toBe(T0 + 30_000 + 60_000);
      expect(await run(T0 + 90_000)).toMatchObject({ dead: [opened?.id] });
      expect([mail.seen.length, hook.seen.length]).toEqual([1, 3]);
      expect((await h.entries())[0]).toMatchObject({ status: "dead", attempts: 3 });
      const log = (await h.attempts(opened?.id)).map((a) => `${a.attempt}:${a.channel}:${a.outcome}`);
      expect(log.sort()).toEqual(["1:mail:delivered", "1:webhook:failed", "2:webhook:failed", "3:webhook:failed"]);
      expect((await run(T0 + 10 * HOUR)).claimed).toBe(0);
    });

    it("a final refusal is a dead letter at once", async () => {
      const h = await harness();
      await openFixtureTicket(h);
      const hook = recordingChannel("webhook", () => ({ ok: false, retryable: false, error: "HTTP 410" }));
      const report = await dispatchOutbox(h.outbox, [hook], { now: T0, owner: "d1" });
      expect(report.dead).toHaveLength(1);
      expect((await h.entries())[0]).toMatchObject({ status: "dead", lastError: "webhook: HTTP 410" });
    });

    it("a dispatcher killed between sending and settling: after the lease the entry is sent again, same key", async () => {
      const h = await harness();
      const [opened] = await openFixtureTicket(h);
      const mail = recordingChannel("mail");
      // Dispatcher A claims and sends, then dies before settling.
      const held = await h.outbox.claim({ now: T0, owner: "a", leaseMs: LEASE, limit: 10 });
      for (const c of held) await mail.deliver(c.intent);
      expect((await dispatchOutbox(h.outbox, [mail], { now: T0 + LEASE - 1, owner: "b" })).claimed).toBe(0);
      const report = await dispatchOutbox(h.outbox, [mail], { now: T0 + LEASE, owner: "b", leaseMs: LEASE });
      expect(report.delivered).toEqual([opened?.id]);
      expect(mail.seen.map((i) => i.id)).toEqual([opened?.id, opened?.id]);
      expect(mail.seen[1]?.recipients[0]?.address).toBe(REQUESTER);
      // A comes back late: its settlement no longer counts.
      const late = held[0];
      if (late === undefined) throw new Error("nothing was claimed");
      expect(await h.outbox.settle(late, "a", [], { status: "dead", error: "late" })).toBe(false);
      expect((await h.entries())[0]).toMatchObject({ status: "delivered", attempts: 1 });
    });
  });
};
