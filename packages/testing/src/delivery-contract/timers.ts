/**
 * The timer contract every OutboxStore runs with its TimerQueue (docs/design/event-store.md#timers;
 * docs/design/sla-semantics.md#time-driven-rules): each append writes the ticket's next wake-up; a worker claims
 * only due tickets, under a lease; applying `due` records the breach once and notifies; two
 * workers never hold one ticket, and even both applying it appends no duplicate; a worker
 * killed while holding a ticket lets another take it after the lease; the commands a worker
 * applies carry deterministic ids, so one handled again after a crash is recognised.
 */

import { compiledPolicyOf, DAY, due, HOUR, handleNotifying, loadTicket, runDueTimers, traceOf } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  countingIds,
  deskPolicies,
  deskPolicy,
  LEAD,
  openCommand,
  resolveCommand,
  T0,
  TENANT,
  TICKET,
  ticketNo,
} from "./fixtures.js";
import { type DeliveryHarness, LEASE, openFixtureTicket } from "./outbox.js";

const worker = (h: DeliveryHarness, owner: string, now: number, ids = countingIds(owner)) =>
  runDueTimers(h.timers, h.store, deskPolicies, { now, owner, leaseMs: LEASE, newEventId: ids });

const eventTypes = async (h: DeliveryHarness, ticket: string = TICKET) =>
  (await h.store.readStream(TENANT, ticket)).events.map((e) => e.type);

export const describeTimerContract = (name: string, harness: () => Promise<DeliveryHarness>): void => {
  describe(`${name}: timers`, () => {
    it("only due tickets are claimed, under a lease; release writes the next wake-up", async () => {
      const h = await harness();
      await openFixtureTicket(h);
      const claim = (owner: string, now: number) => h.timers.claimDue({ now, owner, leaseMs: LEASE, limit: 10 });
      expect(await claim("w1", T0 + HOUR - 1)).toEqual([]);
      const [held] = await claim("w1", T0 + HOUR);
      expect(held).toEqual({ tenantId: TENANT, ticketId: TICKET, dueAt: T0 + HOUR });
      expect(await claim("w2", T0 + HOUR)).toEqual([]);
      if (held === undefined) throw new Error("no claim");
      await h.timers.release(held, "w1", T0 + 3 * HOUR);
      expect(await h.timer(TICKET)).toEqual({ dueAt: T0 + 3 * HOUR, lockedBy: null });
    });

    it("a wake-up written by an append while the ticket is held wins over the worker's release", async () => {
      const h = await harness();
      const note = (eventId: string) => [{ type: "noted", schemaVersion: 1, data: {}, metadata: {}, eventId }];
      await h.store.appendWithOutbox(TENANT, "s9", note("n1"), { expectedVersion: "any", outbox: [], wakeUp: T0 });
      const [held] = await h.timers.claimDue({ now: T0, owner: "w1", leaseMs: LEASE, limit: 1 });
      await h.store.appendWithOutbox(TENANT, "s9", note("n2"), { expectedVersion: 1, outbox: [], wakeUp: T0 + HOUR });
      expect(await h.timer("s9")).toEqual({ dueAt: T0 + HOUR, lockedBy: "w1" });
      if (held === undefined) throw new Error("no claim");
      await h.timers.release(held, "w1", T0 + 99 * HOUR);
      expect(await h.timer("s9")).toEqual({ dueAt: T0 + HOUR, lockedBy: null });
      await h.store.appendWithOutbox(TENANT, "s9", note("n3"), { expectedVersion: 2, outbox: [], wakeUp: null });
      expect(await h.timer("s9")).toEqual({ dueAt: null, lockedBy: null });
      expect(await h.timers.claimDue({ now: T0 + 99 * HOUR, owner: "w1", leaseMs: LEASE, limit: 1 })).toEqual([]);
    });

    it("the breach is recorded once, notifies the lead, and the timer moves to the next deadline", async () => {
      const h = await harness();
      await openFixtureTicket(h);
      const report = await worker(h, "w1", T0 + HOUR);
      expect(report.tickets).toEqual([{ tenantId: TENANT, ticketId: TICKET, applied: ["record-sla-breach"] }]);
      expect(await eventTypes(h)).toEqual(["opened", "sla-breached"]);
      const breach = (await h.entries()).find((e) => e.intent.rule === "sla-breach");
      expect(breach?.intent.recipients.map((r) => r.address)).toEqual([LEAD]);
      expect(breach?.intent.id).toMatch(/^w1-\d+\/sla-breach\/manager$/);
      expect(await h.timer(TICKET)).toEqual({ dueAt: T0 + 8 * HOUR, lockedBy: null });
      expect((await worker(h, "w2", T0 + HOUR)).claimed).toBe(0);
    });

    it("auto-closes a resolved ticket when its time comes, and the requester hears of it", async () => {
      const h = await harness();
      await openFixtureTicket(h);
      await handleNotifying(h.store, deskPolicies, resolveCommand(), { newEventId: countingIds("app") });
      await worker(h, "w1", T0 + 2 * DAY + HOUR);
      expect(await eventTypes(h)).toEqual(["opened", "resolved", "closed"]);
      const closed = (await h.entries()).find((e) => e.intent.rule === "ticket-closed");
      expect(closed?.intent.data.reason).toBe("auto-close-resolved");
      expect(await h.timer(TICKET)).toMatchObject({ dueAt: null });
    });

    it("two workers at one instant split the tickets: each ticket is claimed and applied once", async () => {
      const h = await harness();
      for (let n = 1; n <= 6; n++) {
        const opened = await handleNotifying(h.store, deskPolicies, openCommand(ticketNo(n), T0), {
          newEventId: countingIds(`app${n}`),
        });
        expect(E.isRight(opened)).toBe(true);
      }
      const [a, b] = await Promise.all([worker(h, "w1", T0 + HOUR), worker(h, "w2", T0 + HOUR)]);
      const claimedBy = [...a.tickets, ...b.tickets].map((t) => t.ticketId).sort();
      expect(claimedBy).toEqual([1, 2, 3, 4, 5, 6].map(ticketNo));
      for (let n = 1; n <= 6; n++) expect(await eventTypes(h, ticketNo(n))).toEqual(["opened", "sla-breached"]);
    });

    it("a worker killed holding a ticket: another takes it after the lease, and applies it once", async () => {
      const h = await harness();
      await openFixtureTicket(h);
      await h.timers.claimDue({ now: T0 + HOUR, owner: "dead", leaseMs: LEASE, limit: 10 });
      expect((await worker(h, "w2", T0 + HOUR + LEASE - 1)).claimed).toBe(0);
      expect((await worker(h, "w2", T0 + HOUR + LEASE)).tickets[0]?.applied).toEqual(["record-sla-breach"]);
      // Even a worker that applies the same ticket again at the same instant appends nothing.
      const again = await handleNotifying(
        h.store,
        deskPolicies,
        {
          type: "record-sla-breach",
          ticketId: TICKET,
          tenantId: TENANT,
          at: T0 + HOUR + LEASE,
          actor: { kind: "system", id: "timers" },
          data: { metric: "response", cycle: 0, deadline: T0 + HOUR },
        } as Parameters<typeof handleNotifying>[2],
        { newEventId: countingIds("again") },
      );
      expect(E.isRight(again) && again.right.events).toEqual([]);
      expect(await eventTypes(h)).toEqual(["opened", "sla-breached"]);
    });

    it("a timer's command names the timer in its events, and handled again (a worker that died) is a replay", async () => {
      const h = await harness();
      await openFixtureTicket(h);
      await handleNotifying(h.store, deskPolicies, resolveCommand(), { newEventId: countingIds("app") });
      const now = T0 + 2 * DAY + HOUR;
      const compiled = compiledPolicyOf(deskPolicy);
      if (E.isLeft(compiled)) throw new Error(compiled.left.message);
      // What a worker applies at `now`: handled once, then the worker dies before its release
      // and the next one, having no other memory, hands the same commands in again.
      const commands = due((await loadTicket(h.store, TENANT, TICKET)).state, compiled.right, now);
      expect(commands.map((c) => c.type)).toContain("close");
      const handle = (prefix: string) =>
        Promise.all(
          commands.map((c) => handleNotifying(h.store, deskPolicies, c, { newEventId: countingIds(prefix) })),
        );
      const first = await handle("w1");
      const entries = (await h.entries()).length;
      const again = await handle("w2");
      expect(again.map((r) => E.isRight(r) && r.right.replayed)).toEqual(commands.map(() => true));
      expect(again.map((r) => E.isRight(r) && r.right.version)).toEqual(
        first.map((r) => E.isRight(r) && r.right.version),
      );
      expect(await h.entries()).toHaveLength(entries);
      const closed = (await h.store.readStream(TENANT, TICKET)).events.filter((e) => e.type === "closed");
      expect(closed).toHaveLength(1);
      const [record] = closed;
      if (record === undefined) throw new Error("no closed event");
      const closeId = commands.find((c) => c.type === "close")?.commandId;
      expect(traceOf(record)).toEqual(E.right(expect.objectContaining({ causationId: closeId })));
      // The outbox keeps each intent's cause: the event, and the command behind it.
      const notice = (await h.entries()).find((e) => e.intent.rule === "ticket-closed")?.intent;
      expect(notice).toMatchObject({ eventId: record.eventId, commandId: closeId, correlationId: closeId });
    });
  });
};
