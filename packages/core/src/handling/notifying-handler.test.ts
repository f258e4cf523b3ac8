/**
 * The notifying handler against the in-memory outbox store: ids are assigned before the append
 * and intents carry them; events, intents and the wake-up are written in one append; a refusal
 * or a failed append writes nothing; a conflict is retried with fresh ids, so every outbox entry
 * names an event that was stored.
 */

import { createInMemoryOutboxStore } from "@ticketfold/store-memory";
import {
  acceptCommand,
  countingIds,
  deskPolicies,
  openCommand,
  REQUESTER,
  resolveCommand,
  T0,
  TENANT,
  TICKET,
} from "@ticketfold/testing/delivery-contract";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { HOUR } from "../shared/duration.js";
import { supportsOutbox } from "../store/outbox.js";
import { handleNotifying } from "./notifying-handler.js";

const fresh = () => createInMemoryOutboxStore({ now: () => T0 });

describe("handleNotifying", () => {
  it("writes the events with the ids it assigned, their intents and the wake-up", async () => {
    const store = fresh();
    const handled = await handleNotifying(store, deskPolicies, openCommand(), {
      newEventId: countingIds(),
      context: () => ({ ticketNumber: "10034" }),
    });
    if (E.isLeft(handled)) throw new Error(handled.left.message);
    expect(handled.right.recorded.map((r) => r.eventId)).toEqual(["ev-000001"]);
    expect(handled.right.intents).toMatchObject([
      {
        id: "ev-000001/ticket-opened/requester",
        eventId: "ev-000001",
        recipients: [{ role: "requester", address: REQUESTER }],
        data: { number: "10034", tag: "[#10034]" },
      },
    ]);
    expect(handled.right.wakeUp).toBe(T0 + HOUR);
    expect(store.outbox.entries().map((e) => e.intent)).toEqual(handled.right.intents);
    expect(store.timers.get(TENANT, TICKET)?.dueAt).toBe(T0 + HOUR);
  });

  const refusals: [string, () => Parameters<typeof handleNotifying>[2], string][] = [
    ["a command on a ticket that does not exist", () => acceptCommand(), "TICKET_NOT_FOUND"],
    ["opening a ticket twice", () => openCommand(), "TICKET_ALREADY_EXISTS"],
  ];
  it.each(refusals)("%s is refused and writes nothing", async (_, command, code) => {
    const store = fresh();
    if (code === "TICKET_ALREADY_EXISTS")
      await handleNotifying(store, deskPolicies, openCommand(), { newEventId: countingIds() });
    const before = [store.outbox.entries().length, (await store.readAll()).events.length];
    const handled = await handleNotifying(store, deskPolicies, command(), { newEventId: countingIds("x") });
    expect(E.isLeft(handled) && handled.left.code).toBe(code);
    expect([store.outbox.entries().length, (await store.readAll()).events.length]).toEqual(before);
  });

  it("a failed append (an event id already stored) writes neither events nor intents", async () => {
    const store = fresh();
    await handleNotifying(store, deskPolicies, openCommand(), { newEventId: countingIds() });
    const again = handleNotifying(store, deskPolicies, resolveCommand(), { newEventId: () => "ev-000001" });
    await expect(again).rejects.toMatchObject({ code: "INVALID_APPEND" });
    expect(store.outbox.entries().map((e) => e.intent.rule)).toEqual(["ticket-opened"]);
    expect((await store.readStream(TENANT, TICKET)).version).toBe(1);
  });

  it("a conflict is retried with fresh ids; every outbox entry names a stored event", async () => {
    const store = fresh();
    await handleNotifying(store, deskPolicies, openCommand(), { newEventId: countingIds("open") });
    let raced = false;
    const racing = Object.create(store) as typeof store;
    racing.appendWithOutbox = async (...args) => {
      if (!raced) {
        raced = true;
        await handleNotifying(store, deskPolicies, acceptCommand(), { newEventId: countingIds("other") });
      }
      return store.appendWithOutbox(...args);
    };
    const handled = await handleNotifying(racing, deskPolicies, resolveCommand(), { newEventId: countingIds("me") });
    expect(E.isRight(handled)).toBe(true);
    const stored = new Set((await store.readAll()).events.map((e) => e.eventId));
    expect(store.outbox.entries().every((e) => stored.has(e.intent.eventId))).toBe(true);
    expect(store.outbox.entries().map((e) => e.intent.id)).toContain("me-000002/ticket-resolved/requester");
  });

  it("law: whatever commands run, outbox entries are exactly the intents of stored events, once each", async () => {
    const commands = [acceptCommand(TICKET, T0 + 1), resolveCommand(TICKET, T0 + 2), openCommand(TICKET, T0 + 3)];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(0, 1, 2), { maxLength: 6 }), async (picks) => {
        const store = fresh();
        const ids = countingIds();
        const intents: string[] = [];
        await handleNotifying(store, deskPolicies, openCommand(), { newEventId: ids });
        intents.push(...store.outbox.entries().map((e) => e.intent.id));
        for (const p of picks) {
          const handled = await handleNotifying(store, deskPolicies, commands[p] ?? openCommand(), { newEventId: ids });
          if (E.isRight(handled)) intents.push(...handled.right.intents.map((i) => i.id));
        }
        const stored = new Set((await store.readAll()).events.map((e) => e.eventId));
        const entries = store.outbox.entries();
        expect(entries.map((e) => e.intent.id)).toEqual(intents);
        expect(entries.every((e) => stored.has(e.intent.eventId))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it("recognises a store that can append with an outbox", () => {
    expect(supportsOutbox(fresh())).toBe(true);
    expect(supportsOutbox(fresh().events)).toBe(false);
  });
});
