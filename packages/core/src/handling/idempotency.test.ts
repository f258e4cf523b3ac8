/**
 * Idempotent handling by command id (idempotency.ts), on the in-memory stores: a command
 * retried after a lost reply appends nothing new and answers as the first time did — a retried
 * `log-time` bills once, a retried comment mails once, a retried `open` is a success — also
 * when the retry races the original or comes after other commands; the same id with another
 * command is COMMAND_ID_REUSED; every appended event carries its trace.
 */
import { createInMemoryEventStore, createInMemoryOutboxStore } from "@ticketfold/store-memory";
import {
  agent,
  changeRequestPolicy,
  commandOf,
  openTicket,
  requester,
  T0,
  TENANT,
  TICKET,
  text,
} from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { singlePolicy } from "../policy/resolver.js";
import { HOUR } from "../shared/duration.js";
import { commandId } from "../shared/ids.js";
import type { EventStore } from "../store/types.js";
import type { TicketCommand } from "../ticket/commands.js";
import { handleCommand } from "./handler.js";
import { handleNotifying } from "./notifying-handler.js";

const policies = singlePolicy(changeRequestPolicy);
const K = commandId("01JNDG9Q00000000000000KEY1");
const withId = <C extends TicketCommand>(command: C, id = K, extra: Partial<TicketCommand> = {}): C => ({
  ...command,
  commandId: id,
  ...extra,
});
const logTime = commandOf("log-time", { minutes: 45, outOfPlan: true }, { at: T0 + HOUR });
const stream = async (store: EventStore) => (await store.readStream(TENANT, TICKET)).events;

const opened = async () => {
  const store = createInMemoryEventStore({ now: () => T0 });
  const result = await handleCommand(store, policies, openTicket({}, { at: T0 }));
  expect(E.isRight(result)).toBe(true);
  return store;
};

const right = <A>(e: E.Either<{ message: string }, A>): A => {
  if (E.isLeft(e)) throw new Error(e.left.message);
  return e.right;
};

describe("a command retried under its id", () => {
  it("log-time bills once, and the retry answers with the first handling's result", async () => {
    const store = await opened();
    const first = right(await handleCommand(store, policies, withId(logTime)));
    const retry = right(await handleCommand(store, policies, withId({ ...logTime, at: T0 + 2 * HOUR })));
    expect((await stream(store)).map((e) => e.type)).toEqual(["opened", "time-logged"]);
    expect(retry).toEqual({ ...first, replayed: true });
    expect(first.replayed).toBe(false);
    expect(retry.state.minutesBillable).toBe(45);
  });

  it("a retried comment mails the requester once (one set of outbox entries)", async () => {
    const store = createInMemoryOutboxStore({ now: () => T0 });
    let n = 0;
    const options = { newEventId: () => `ev-${++n}` };
    right(await handleNotifying(store, policies, openTicket({}, { at: T0 }), options));
    const reply = withId(commandOf("comment", { body: text("We are on it") }, { at: T0 + HOUR, actor: agent }));
    const first = right(await handleNotifying(store, policies, reply, options));
    const entries = store.outbox.entries().length;
    // The retry names another correlation id: the answer still is the first one, as written then.
    const retry = right(
      await handleNotifying(store, policies, { ...reply, correlationId: commandId("req-2") }, options),
    );
    expect(first.intents.length).toBeGreaterThan(0);
    expect(store.outbox.entries()).toHaveLength(entries);
    expect(retry).toEqual({ ...first, replayed: true });
    expect(first.intents.every((i) => i.commandId === K && i.correlationId === K)).toBe(true);
  });

  it("open under the same id again is a success, not TICKET_ALREADY_EXISTS", async () => {
    const store = createInMemoryEventStore({ now: () => T0 });
    const open = withId(openTicket({}, { at: T0 }));
    const first = right(await handleCommand(store, policies, open));
    expect(await handleCommand(store, policies, { ...open, at: T0 + 1 })).toEqual(
      E.right({ ...first, replayed: true }),
    );
    expect(await handleCommand(store, policies, { ...open, commandId: commandId("another") })).toEqual(
      E.left(expect.objectContaining({ code: "TICKET_ALREADY_EXISTS" })),
    );
  });

  it("after other commands, the retry answers with the version and state of its first handling", async () => {
    const store = await opened();
    const first = right(await handleCommand(store, policies, withId(logTime)));
    right(await handleCommand(store, policies, commandOf("log-time", { minutes: 10 }, { at: T0 + 2 * HOUR })));
    const before = await stream(store);
    const retry = right(await handleCommand(store, policies, withId(logTime)));
    expect(retry).toEqual({ ...first, replayed: true });
    expect(retry.version).toBe(2);
    expect(await stream(store)).toEqual(before);
  });

  it("racing itself (two deliveries at once), it appends once and both answer alike", async () => {
    const store = await opened();
    const [a, b] = await Promise.all([
      handleCommand(store, policies, withId(logTime)),
      handleCommand(store, policies, withId(logTime)),
    ]);
    expect((await stream(store)).map((e) => e.type)).toEqual(["opened", "time-logged"]);
    const [ra, rb] = [right(a), right(b)];
    expect([ra.replayed, rb.replayed].sort()).toEqual([false, true]);
    expect({ ...ra, replayed: true }).toEqual({ ...rb, replayed: true });
  });

  it("a command that recorded nothing leaves no trace: handled again, it decides again", async () => {
    const store = await opened();
    const same = withId(commandOf("change-priority", { priority: "low" }, { at: T0 + HOUR }));
    expect(right(await handleCommand(store, policies, same))).toMatchObject({ events: [], replayed: false });
    expect(right(await handleCommand(store, policies, same))).toMatchObject({ events: [], replayed: false });
    expect(await stream(store)).toHaveLength(1);
  });
});

describe("the same id with another command", () => {
  it.each([
    ["other data", withId(commandOf("log-time", { minutes: 46, outOfPlan: true }, { at: T0 + HOUR }))],
    ["another type", withId(commandOf("comment", { body: text("Done") }, { at: T0 + HOUR }))],
    [
      "another actor",
      withId(commandOf("log-time", { minutes: 45, outOfPlan: true }, { actor: { ...agent, id: "a2" } })),
    ],
  ])("%s is COMMAND_ID_REUSED and appends nothing", async (_name, other) => {
    const store = await opened();
    right(await handleCommand(store, policies, withId(logTime)));
    const before = await stream(store);
    const result = await handleCommand(store, policies, other);
    expect(result).toEqual(
      E.left(expect.objectContaining({ code: "COMMAND_ID_REUSED", commandId: K, ticketId: TICKET, version: 2 })),
    );
    expect(E.isLeft(result) && result.left.message).toContain(K);
    expect(await stream(store)).toEqual(before);
  });

  it("on another ticket the id is free: ids are scoped to one ticket", async () => {
    const store = await opened();
    right(await handleCommand(store, policies, withId(logTime)));
    const other = "01HZZZZZZZZZZZZZZZZZZZZZZY";
    const open = withId(openTicket({}, { at: T0, ticketId: other as TicketCommand["ticketId"] }));
    expect(right(await handleCommand(store, policies, open)).replayed).toBe(false);
  });
});

describe("every appended event carries its trace", () => {
  it("causationId = the command id; correlationId = the given one, else the command id; a fingerprint", async () => {
    const store = await opened();
    const comment = commandOf("comment", { body: text("Hello") }, { at: T0 + HOUR, actor: requester });
    right(await handleCommand(store, policies, withId(logTime)));
    right(
      await handleCommand(store, policies, withId(comment, commandId("k-2"), { correlationId: commandId("req-9") })),
    );
    right(await handleCommand(store, policies, { ...comment, correlationId: commandId("req-10") }));
    const meta = (await stream(store)).map((e) => e.metadata as Record<string, unknown>);
    expect(meta[0]).not.toHaveProperty("causationId");
    expect(meta[1]).toMatchObject({ causationId: K, correlationId: K, commandFingerprint: expect.any(String) });
    expect(meta[2]).toMatchObject({ causationId: "k-2", correlationId: "req-9" });
    // And the ticket's data subject (its requester), whose key seals personal values (docs/personal-data.md).
    expect(meta[3]).toEqual({ at: expect.any(String), actor: requester, correlationId: "req-10", subject: "cust-1" });
  });
});
