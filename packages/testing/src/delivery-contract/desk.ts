/**
 * The desk contract: what `createDesk` promises on every store it runs on (in-memory,
 * PostgreSQL, PGlite). A ticket handled through the desk is breached, escalated up its ladder
 * and auto-closed by the RUNNING workers, its notices delivered, with nothing wired besides the
 * desk; the read model shows it. `stop()` lets the pass in hand finish (nothing stays leased);
 * failures reach `onError` (or, without one, stop the workers and reject `done`); an
 * `AbortSignal` stops the workers and keeps an aborted command from being handled.
 *
 * The harness makes a desk on a fresh, empty store with the options given (a clock the test
 * moves, channels, the error hook, the policies) and short polling pauses (a few ms), so the
 * workers notice a moved clock at once.
 */

import type {
  CommandOf,
  DeliveryChannel,
  Desk,
  DeskErrorContext,
  DeskErrorHandler,
  Instant,
  Policy,
  PolicyResolver,
  TicketEvent,
} from "@ticketfold/core";
import { DAY, decodePolicy, HOUR, loadTicket, MINUTE, singlePolicy, ticketId } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it, vi } from "vitest";
import { acceptCommand, LEAD, openCommand, recordingChannel, resolveCommand, T0, TENANT } from "./fixtures.js";

/** What the contract hands the harness. */
export interface DeskHarnessOptions {
  readonly clock: () => Instant;
  readonly policies: PolicyResolver<Policy>;
  readonly channels: readonly DeliveryChannel[];
  /** Absent: the desk is made WITHOUT an error hook (the harness must not add its default). */
  readonly onError?: DeskErrorHandler;
}

export interface DeskHarness {
  readonly desk: Desk;
  /** Stops the desk's workers and frees the store. */
  close(): Promise<void>;
}

export const HEAD = "head@desk.example";

const decoded = decodePolicy({
  id: "desk-life",
  name: "Desk life",
  priorities: { levels: [{ id: "normal", name: "Normal" }], default: "normal" },
  sla: {
    metrics: { response: { targets: { normal: "1h" } }, resolution: { targets: { normal: "8h" } } },
    ladder: [
      { metric: "response", multiple: 1, level: 1, roles: ["team-lead"] },
      { metric: "resolution", multiple: 0.5, level: 2, roles: ["head-of-support"] },
    ],
    timers: { autoCloseResolved: { after: "2d" } },
  },
  notifications: {
    contacts: {
      managers: { "*": [{ address: LEAD, name: "Lee Lead" }] },
      escalation: {
        "team-lead": [{ address: LEAD, name: "Lee Lead" }],
        "head-of-support": [{ address: HEAD, name: "Hana Head" }],
      },
    },
  },
});
if (E.isLeft(decoded)) throw new Error(decoded.left.message);
/** 24×7; response 1 h, resolution 8 h; ladder: level 1 at the response deadline, 2 at half the resolution target; auto-close 2 d after resolving. */
export const deskLifePolicy: Policy = decoded.right;

/** A clock the test moves by hand. */
export const manualClock = (start: Instant = T0) => {
  let now = start;
  return {
    now: () => now,
    set: (at: Instant): void => {
      now = at;
    },
  };
};

const WAIT = { timeout: 30_000, interval: 10 };
/** Generous: a loaded machine runs PGlite slowly; a passing run takes a second or two. */
const TEST_TIMEOUT = 120_000;

const typesOf = async (desk: Desk, ticket: string): Promise<string[]> =>
  (await loadTicket(desk.store, TENANT, ticket)).events.map((e) => e.type);

const eventsOf = async (desk: Desk, ticket: string): Promise<readonly TicketEvent[]> =>
  (await loadTicket(desk.store, TENANT, ticket)).events;

/** `open` as the desk takes it: no `at`, the desk's clock stamps it. */
const openNow = (ticket: string) => {
  const { at: _at, ...rest } = openCommand(ticket);
  return rest as Omit<CommandOf<"open">, "at">;
};

const ids = (() => {
  let n = 0;
  return () => ticketId(`01JR${String(++n).padStart(22, "0")}`);
})();

const handled = async (desk: Desk, command: Parameters<Desk["handle"]>[0]) => {
  const result = await desk.handle(command);
  if (E.isLeft(result)) throw new Error(`${command.type} was refused: ${result.left.message}`);
  return result.right;
};

/** Waits until `promise` settles or `ms` pass; true when it settled. */
const settlesWithin = (promise: Promise<unknown>, ms: number): Promise<boolean> =>
  Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);

export const describeDeskContract = (name: string, harness: (o: DeskHarnessOptions) => Promise<DeskHarness>): void => {
  describe(`${name}: desk`, () => {
    it(
      "a ticket handled through the desk is breached, escalated and auto-closed by the running workers",
      async () => {
        const clock = manualClock();
        const mail = recordingChannel("mail");
        const errors: unknown[] = [];
        const { desk, close } = await harness({
          clock: clock.now,
          policies: singlePolicy(deskLifePolicy),
          channels: [mail],
          onError: (e) => errors.push(e),
        });
        try {
          const ticket = ids();
          const opened = await handled(desk, openNow(ticket));
          expect(opened.events[0]?.at).toBe(T0);
          const workers = desk.start();
          expect([...workers.workers].sort()).toEqual(expect.arrayContaining(["outbox", "timers"]));
          // The opening notice goes out; nothing is due yet.
          await vi.waitFor(() => expect(mail.seen.map((i) => i.rule)).toContain("ticket-opened"), WAIT);
          expect(await typesOf(desk, ticket)).toEqual(["opened"]);

          // 1 h: the response target passes. The timer worker records the ladder's level 1 and the breach.
          clock.set(T0 + HOUR);
          await vi.waitFor(async () => {
            const events = await eventsOf(desk, ticket);
            expect(events.map((e) => e.type)).toEqual(["opened", "escalation-level-reached", "sla-breached"]);
          }, WAIT);
          const level1 = (await eventsOf(desk, ticket))[1];
          expect(level1).toMatchObject({ type: "escalation-level-reached", at: T0 + HOUR, data: { level: 1 } });
          // …and the dispatcher tells the lead.
          await vi.waitFor(() => {
            const toLead = mail.seen.filter((i) => i.recipients.some((r) => r.address === LEAD));
            expect(toLead.map((i) => i.rule)).toEqual(expect.arrayContaining(["sla-breach", "escalation-reached"]));
          }, WAIT);

          // 4 h: half the resolution target, the ladder's level 2.
          clock.set(T0 + 4 * HOUR);
          await vi.waitFor(async () => {
            const levels = (await eventsOf(desk, ticket)).filter((e) => e.type === "escalation-level-reached");
            expect(levels.map((e) => (e.data as { level: number }).level)).toEqual([1, 2]);
          }, WAIT);
          await vi.waitFor(
            () => expect(mail.seen.some((i) => i.recipients.some((r) => r.address === HEAD))).toBe(true),
            WAIT,
          );

          // An agent resolves it at 5 h; two days later the timer worker closes it.
          clock.set(T0 + 5 * HOUR);
          await handled(desk, acceptCommand(ticket, T0 + 5 * HOUR));
          await handled(desk, resolveCommand(ticket, T0 + 5 * HOUR));
          clock.set(T0 + 5 * HOUR + 2 * DAY);
          await vi.waitFor(async () => expect((await typesOf(desk, ticket)).at(-1)).toBe("closed"), WAIT);
          const closed = (await eventsOf(desk, ticket)).at(-1);
          expect(closed).toMatchObject({ at: T0 + 5 * HOUR + 2 * DAY, actor: { kind: "system" } });

          // The read model shows it closed (the read side, where there is one, runs with the workers).
          await vi.waitFor(async () => {
            const row = await desk.queries.getTicket(TENANT, ticket, clock.now());
            expect(row).toMatchObject({ status: "closed", breached: true });
          }, WAIT);
          const page = await desk.queries.listTickets(TENANT, { status: ["closed"] }, { now: clock.now() });
          expect(page.rows.map((r) => r.ticketId)).toContain(ticket);

          await desk.stop();
          expect(desk.running()).toEqual([]);
          await expect(workers.done).resolves.toBeUndefined();
          expect(errors).toEqual([]);
        } finally {
          await close();
        }
      },
      TEST_TIMEOUT,
    );

    it(
      "handle stamps the desk's now, honours the expected version and the command id",
      async () => {
        const clock = manualClock(T0 + 7 * MINUTE);
        const { desk, close } = await harness({
          clock: clock.now,
          policies: singlePolicy(deskLifePolicy),
          channels: [],
        });
        try {
          const ticket = ids();
          const first = await desk.handle(openNow(ticket), { commandId: "req-1", expectedVersion: 0 });
          expect(E.isRight(first) && first.right.events[0]?.at).toBe(T0 + 7 * MINUTE);
          const again = await desk.handle(openNow(ticket), { commandId: "req-1", expectedVersion: 0 });
          expect(E.isRight(again) && again.right.replayed).toBe(true);
          const stale = await desk.handle(acceptCommand(ticket, clock.now()), { expectedVersion: 0 });
          expect(E.isLeft(stale) && stale.left.code).toBe("CONCURRENCY_CONFLICT");
          expect(await typesOf(desk, ticket)).toEqual(["opened"]);
          const malformed = await desk.handle(acceptCommand(ticket, clock.now()), {
            commandId: "has spaces",
            expectedVersion: -1,
          });
          expect(E.isLeft(malformed) && malformed.left).toMatchObject({
            code: "INVALID_COMMAND",
            issues: [{ path: "options.commandId" }, { path: "options.expectedVersion" }],
          });
          // The JSON form (plain strings, no `data` for a payload-less command) is decoded.
          const json = await desk.handle(
            {
              type: "accept",
              tenantId: TENANT as string,
              ticketId: ticket as string,
              actor: { kind: "agent", id: "a-1" },
            },
            { expectedVersion: 1 },
          );
          expect(E.isRight(json) && json.right.version).toBe(2);
          const bad = await desk.handle({
            type: "comment",
            tenantId: TENANT as string,
            ticketId: ticket as string,
            actor: { kind: "agent", id: "a-1" },
            data: { body: "", visibility: "public" },
          });
          expect(E.isLeft(bad) && bad.left).toMatchObject({
            code: "INVALID_COMMAND",
            message: expect.stringContaining("body"),
          });
          expect(await typesOf(desk, ticket)).toEqual(["opened", "accepted"]);
          // No channels: nothing may count as delivered, and no dispatcher starts.
          await expect(desk.dispatch()).rejects.toThrow(/no channels/);
          expect(() => desk.start({ outbox: true })).toThrow(/no channels/);
          expect(desk.start().workers).not.toContain("outbox");
          await desk.stop();
        } finally {
          await close();
        }
      },
      TEST_TIMEOUT,
    );

    it(
      "stop() waits for the pass in hand: the notice being delivered is settled, never left leased",
      async () => {
        const clock = manualClock();
        let release: () => void = () => {};
        const gate = new Promise<void>((resolve) => {
          release = resolve;
        });
        let entered: () => void = () => {};
        const delivering = new Promise<void>((resolve) => {
          entered = resolve;
        });
        const slow = recordingChannel("slow");
        const blocking: DeliveryChannel = {
          name: "slow",
          deliver: async (intent) => {
            entered();
            if (slow.seen.length === 0) await gate;
            return slow.deliver(intent);
          },
        };
        const { desk, close } = await harness({
          clock: clock.now,
          policies: singlePolicy(deskLifePolicy),
          channels: [blocking],
          onError: () => {},
        });
        try {
          const ticket = ids();
          await handled(desk, openNow(ticket));
          desk.start({ outbox: true });
          expect(desk.running()).toEqual(["outbox"]);
          // Stop while the dispatcher is delivering the notice it claimed.
          await delivering;
          const stopping = desk.stop();
          expect(await settlesWithin(stopping, 100)).toBe(false);
          release();
          await stopping;
          expect(slow.seen.map((i) => i.rule)).toEqual(["ticket-opened"]);
          expect(desk.running()).toEqual([]);
          // Settled as delivered: a dispatcher started later (past any lease) delivers the next
          // ticket's notice, and not the first one again.
          clock.set(T0 + HOUR / 2);
          const next = ids();
          await handled(desk, openNow(next));
          const again = desk.start({ outbox: true });
          await vi.waitFor(() => expect(slow.seen).toHaveLength(2), WAIT);
          await again.stop();
          expect(slow.seen.map((i) => i.ticketId)).toEqual([ticket, next]);
        } finally {
          release();
          await close();
        }
      },
      TEST_TIMEOUT,
    );

    it(
      "failures reach onError with where they happened, and the workers go on",
      async () => {
        const clock = manualClock();
        const reported: { error: unknown; context: DeskErrorContext }[] = [];
        // The resolver forgets the policy once the ticket is open: its timers cannot be worked.
        let known = true;
        const forgetful: PolicyResolver<Policy> = {
          byId: (id) => (known && id === deskLifePolicy.id ? deskLifePolicy : undefined),
          forNewTicket: () => deskLifePolicy,
        };
        const refusing: DeliveryChannel = {
          name: "refusing",
          deliver: async () => ({ ok: false, retryable: false, error: "mailbox does not exist" }),
        };
        const { desk, close } = await harness({
          clock: clock.now,
          policies: forgetful,
          channels: [refusing],
          onError: (error, context) => reported.push({ error, context }),
        });
        try {
          const ticket = ids();
          const opened = await handled(desk, openNow(ticket));
          const intentId = opened.intents[0]?.id;
          known = false;
          clock.set(T0 + HOUR);
          const workers = desk.start({ timers: true, outbox: true });
          await vi.waitFor(() => {
            expect(reported.map((r) => r.context)).toEqual(
              expect.arrayContaining([
                { worker: "outbox", intentId },
                { worker: "timers", tenantId: TENANT, ticketId: ticket },
              ]),
            );
          }, WAIT);
          const timerError = reported.find((r) => r.context.worker === "timers")?.error;
          expect(timerError).toMatchObject({ code: "TIMER_FAILED", message: expect.stringContaining("desk-life") });
          expect(reported.find((r) => r.context.worker === "outbox")?.error).toMatchObject({ code: "DELIVERY_FAILED" });
          // Reported, not fatal: the workers still run.
          expect([...desk.running()].sort()).toEqual(["outbox", "timers"]);
          await workers.stop();
        } finally {
          await close();
        }
      },
      TEST_TIMEOUT,
    );

    it(
      "without onError, the first failure stops the workers and rejects done",
      async () => {
        const clock = manualClock();
        const refusing: DeliveryChannel = {
          name: "refusing",
          deliver: async () => ({ ok: false, retryable: false, error: "mailbox does not exist" }),
        };
        const { desk, close } = await harness({
          clock: clock.now,
          policies: singlePolicy(deskLifePolicy),
          channels: [refusing],
        });
        try {
          await handled(desk, openNow(ids()));
          const workers = desk.start();
          await expect(workers.done).rejects.toMatchObject({ code: "DELIVERY_FAILED" });
          expect(desk.running()).toEqual([]);
        } finally {
          await close();
        }
      },
      TEST_TIMEOUT,
    );

    it(
      "an AbortSignal stops the workers, and an aborted command is not handled",
      async () => {
        const clock = manualClock();
        const { desk, close } = await harness({
          clock: clock.now,
          policies: singlePolicy(deskLifePolicy),
          channels: [recordingChannel("mail")],
          onError: () => {},
        });
        try {
          const controller = new AbortController();
          const workers = desk.start({ signal: controller.signal });
          expect(desk.running().length).toBeGreaterThan(0);
          expect(() => desk.start({ timers: true })).toThrow(/already running: timers/);
          controller.abort();
          await workers.done;
          expect(desk.running()).toEqual([]);

          const ticket = ids();
          const aborted = new AbortController();
          aborted.abort(new Error("client went away"));
          await expect(desk.handle(openNow(ticket), { signal: aborted.signal })).rejects.toThrow("client went away");
          expect(await typesOf(desk, ticket)).toEqual([]);
        } finally {
          await close();
        }
      },
      TEST_TIMEOUT,
    );
  });
};
