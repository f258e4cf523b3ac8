/**
 * Contract: the outbox's boundaries. `appendWithOutbox` is all or nothing: whatever fails
 * while an append writes its events, its outbox intents and the ticket's wake-up — an intent
 * that throws when it is read, a wake-up that throws, an intent or wake-up the store cannot
 * hold — the stream, the outbox and the timers are left exactly as they were. And a delivery
 * error a store cannot hold (U+0000 from a channel) is logged with U+FFFD in its place and the
 * entry settled, never a failed write that leaves the entry leased. Every OutboxStore runs it
 * (in-memory, PostgreSQL on a server and on PGlite):
 *
 *   describeOutboxBoundaryContract("my store", async () => ({ store, outbox, entries, attempts, timer }));
 */
import type {
  DeliveryAttempt,
  NewEvent,
  NotificationIntent,
  OutboxEntry,
  OutboxQueue,
  OutboxStore,
} from "@ticketfold/core";
import { describe, expect, it } from "vitest";

/** What the suite needs: an EMPTY store, its outbox queue, and read-only views of its outbox and timers. */
export interface OutboxBoundaryHarness {
  readonly store: OutboxStore;
  readonly outbox: OutboxQueue;
  /** Every outbox entry, in the order written. */
  entries(): Promise<readonly OutboxEntry[]>;
  /** The attempt log, oldest first. */
  attempts(): Promise<readonly DeliveryAttempt[]>;
  /** The wake-up row of ticket `ticketId` of tenant `acme`, if it has one. */
  timer(ticketId: string): Promise<{ readonly dueAt: number | null } | undefined>;
}

const TENANT = "acme";
const TICKET = "01JQ0000000000000000000001";
/** Monday 2025-03-03 09:00 UTC. */
const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);
const HOUR = 3_600_000;

const event = (id: string): NewEvent => ({ type: "noted", schemaVersion: 1, data: { id }, metadata: {}, eventId: id });

const intent = (eventId: string, data: Record<string, string> = { body: "hello" }): NotificationIntent => ({
  id: `${eventId}/customer-comment/assignee`,
  eventId,
  ticketId: TICKET,
  tenantId: TENANT,
  rule: "customer-comment",
  templateKey: "customer-comment",
  locale: "en",
  recipients: [{ role: "assignee", address: "ann@desk.example" }],
  audience: "staff",
  urgent: false,
  at: T0,
  data,
});

/** An intent whose data cannot be computed: reading it throws, as a failing template would. */
const throwingIntent = (eventId: string): NotificationIntent =>
  Object.defineProperty({ ...intent(eventId) }, "data", {
    enumerable: true,
    get: () => {
      throw new Error("intent data could not be computed");
    },
  });

type Options = Parameters<OutboxStore["appendWithOutbox"]>[3];

const failures: ReadonlyArray<readonly [string, () => Options, string | undefined]> = [
  [
    "an intent that throws when read",
    () => ({ expectedVersion: 1, outbox: [intent("e2"), throwingIntent("e2")], wakeUp: T0 + 2 * HOUR }),
    undefined,
  ],
  [
    "a wake-up that throws when read",
    () =>
      Object.defineProperties({ expectedVersion: 1, outbox: [intent("e2")] } as Options, {
        wakeUp: {
          enumerable: true,
          get: () => {
            throw new Error("wake-up could not be computed");
          },
        },
      }),
    undefined,
  ],
  [
    "an intent holding U+0000",
    () => ({ expectedVersion: 1, outbox: [intent("e2"), intent("e3", { body: "a\u0000" })] }),
    "options.outbox[1].data.body",
  ],
  [
    "an intent of the empty tenant",
    () => ({ expectedVersion: 1, outbox: [{ ...intent("e2"), tenantId: "" }] }),
    "options.outbox[0].tenantId",
  ],
  ["a wake-up of NaN", () => ({ expectedVersion: 1, outbox: [intent("e2")], wakeUp: Number.NaN }), "options.wakeUp"],
];

export const describeOutboxBoundaryContract = (name: string, harness: () => Promise<OutboxBoundaryHarness>): void => {
  describe(`OutboxStore contract: ${name}: an append with its outbox is all or nothing`, () => {
    it.each(failures)("%s: stream, outbox and timers stay exactly as they were", async (_name, options, path) => {
      const h = await harness();
      await h.store.appendWithOutbox(TENANT, TICKET, [event("e1")], {
        expectedVersion: "no_stream",
        outbox: [intent("e1")],
        wakeUp: T0 + HOUR,
      });
      const before = { stream: await h.store.readStream(TENANT, TICKET), entries: await h.entries() };
      const error = await h.store.appendWithOutbox(TENANT, TICKET, [event("e2")], options()).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, "the append should have failed").toBeDefined();
      if (path !== undefined) expect(error).toMatchObject({ code: "INVALID_STORE_INPUT", path });
      expect(await h.store.readStream(TENANT, TICKET)).toEqual(before.stream);
      expect(await h.entries()).toEqual(before.entries);
      expect((await h.timer(TICKET))?.dueAt).toBe(T0 + HOUR);
      // The store is still whole: the same append without the fault goes through.
      await h.store.appendWithOutbox(TENANT, TICKET, [event("e2")], { expectedVersion: 1, outbox: [intent("e2")] });
      expect((await h.entries()).map((e) => e.intent.id)).toEqual([intent("e1").id, intent("e2").id]);
    });
  });

  describe(`OutboxStore contract: ${name}: delivery text a store cannot hold`, () => {
    it("a channel's error with U+0000 or a lone surrogate is logged with U+FFFD, and the entry settles", async () => {
      const h = await harness();
      await h.store.appendWithOutbox(TENANT, TICKET, [event("e1")], {
        expectedVersion: "no_stream",
        outbox: [intent("e1")],
      });
      const [claimed] = await h.outbox.claim({ now: T0, owner: "d1", leaseMs: 60_000, limit: 1 });
      if (claimed === undefined) throw new Error("nothing claimed");
      const error = "SMTP 550 \u0000 bad \uD800";
      const attempt: DeliveryAttempt = {
        intentId: claimed.intent.id,
        attempt: 1,
        channel: "mail\u0000",
        at: T0,
        outcome: "failed",
        error,
      };
      expect(await h.outbox.settle(claimed, "d1", [attempt], { status: "retry", retryAt: T0 + HOUR, error })).toBe(
        true,
      );
      expect(await h.attempts()).toEqual([{ ...attempt, channel: "mail\uFFFD", error: "SMTP 550 \uFFFD bad \uFFFD" }]);
      expect((await h.entries())[0]).toMatchObject({
        status: "pending",
        attempts: 1,
        lastError: "SMTP 550 \uFFFD bad \uFFFD",
        lockedBy: null,
      });
    });
  });
};
