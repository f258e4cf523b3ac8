/**
 * The command handler against the in-memory store: read → fold → decide → append with the
 * expected version; a refusal writes nothing; a conflict with another writer is retried on a
 * fresh read; retries run out into the CONCURRENCY_CONFLICT value; an unknown policy is a
 * value; a corrupt stored event is thrown, naming tenant, stream and version.
 */

import { createInMemoryEventStore, type InMemoryEventStore } from "@ticketfold/store-memory";
import {
  agent,
  commandOf,
  contractPolicy,
  openTicket,
  reopenWindowPolicy,
  requester,
  T0,
  TENANT,
  TICKET,
  text,
} from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { eventFrom } from "../decide/build.js";
import { singlePolicy } from "../policy/resolver.js";
import { isCorruptEvent } from "../store/errors.js";
import { toNewEvent } from "../store/records.js";
import type { EventStore } from "../store/types.js";
import { handleCommand } from "./handler.js";

const policies = singlePolicy(reopenWindowPolicy);
const accept = commandOf("accept", {}, { at: T0 + 60_000, actor: agent });
const note = commandOf("comment", { body: text("Looking into it"), visibility: "internal" }, { at: T0 + 30_000 });

/** A store where another writer appends a note between the handler's read and its append. */
const racingStore = (inner: EventStore, races: number): EventStore & { appends: number } => {
  const store = {
    appends: 0,
    readStream: inner.readStream.bind(inner),
    readAll: inner.readAll.bind(inner),
    streamExists: inner.streamExists.bind(inner),
    async appendToStream(...args: Parameters<EventStore["appendToStream"]>) {
      store.appends += 1;
      if (store.appends <= races) {
        await inner.appendToStream(
          TENANT,
          TICKET,
          [
            toNewEvent(
              eventFrom(note, "commented", {
                author: "agent",
                visibility: "internal",
                body: text(`other writer ${store.appends}`),
                attachments: [],
              }),
            ),
          ],
          { expectedVersion: "any" },
        );
      }
      return inner.appendToStream(...args);
    },
  };
  return store;
};

const opened = async (): Promise<InMemoryEventStore> => {
  const store = createInMemoryEventStore({ now: () => T0 });
  const result = await handleCommand(store, policies, openTicket({}, { at: T0 }));
  expect(E.isRight(result)).toBe(true);
  return store;
};

describe("handleCommand", () => {
  it("opens and moves a ticket, appending the decided events with versions", async () => {
    const store = await opened();
    const result = await handleCommand(store, policies, accept);
    expect(result).toEqual(
      E.right(expect.objectContaining({ version: 2, state: expect.objectContaining({ status: "open" }) })),
    );
    const read = await store.readStream(TENANT, TICKET);
    expect(read.events.map((e) => [e.type, e.version])).toEqual([
      ["opened", 1],
      ["accepted", 2],
    ]);
  });

  it("writes nothing when the decision records nothing", async () => {
    const store = await opened();
    const same = commandOf("change-priority", { priority: "normal" }, { at: T0 + 1 });
    expect(await handleCommand(store, policies, same)).toEqual(
      E.right(expect.objectContaining({ events: [], version: 1 })),
    );
    expect((await store.readStream(TENANT, TICKET)).version).toBe(1);
  });

  it.each([
    ["a command on a missing ticket", () => createInMemoryEventStore(), accept, "TICKET_NOT_FOUND"],
    ["a forbidden actor", opened, commandOf("accept", {}, { actor: requester }), "NOT_PERMITTED"],
    ["a second open", opened, openTicket(), "TICKET_ALREADY_EXISTS"],
  ] as const)("a domain error (%s) is a value and leaves the store unchanged", async (_name, make, command, code) => {
    const store = await make();
    const before = await store.readAll();
    expect(await handleCommand(store, policies, command)).toEqual(E.left(expect.objectContaining({ code })));
    expect(await store.readAll()).toEqual(before);
  });

  it("retries after another writer's append and decides again on the fresh state", async () => {
    const store = racingStore(await opened(), 1);
    const result = await handleCommand(store, policies, accept);
    expect(result).toEqual(E.right(expect.objectContaining({ version: 3 })));
    expect(store.appends).toBe(2);
    const read = await store.readStream(TENANT, TICKET);
    expect(read.events.map((e) => e.type)).toEqual(["opened", "commented", "accepted"]);
  });

  it("gives up after maxRetries with the CONCURRENCY_CONFLICT value", async () => {
    const store = racingStore(await opened(), Number.POSITIVE_INFINITY);
    const result = await handleCommand(store, policies, accept, { maxRetries: 2 });
    expect(result).toEqual(E.left(expect.objectContaining({ code: "CONCURRENCY_CONFLICT", expected: 3, actual: 4 })));
    expect(store.appends).toBe(3);
    const types = (await store.readStream(TENANT, TICKET)).events.map((e) => e.type);
    expect(types).not.toContain("accepted");
  });

  it.each([
    ["a stale version", 0, accept],
    ["a stale version, before the decision would refuse", 2, commandOf("accept", {}, { actor: requester })],
  ] as const)("expectedVersion: %s is CONCURRENCY_CONFLICT, not retried, nothing written", async (_n, v, command) => {
    const store = racingStore(await opened(), 0);
    const result = await handleCommand(store, policies, command, { expectedVersion: v });
    expect(result).toEqual(E.left(expect.objectContaining({ code: "CONCURRENCY_CONFLICT", expected: v, actual: 1 })));
    expect(store.appends).toBe(0);
    expect((await store.readStream(TENANT, TICKET)).version).toBe(1);
  });

  it("expectedVersion: the version read is accepted; a writer racing in between makes it a conflict", async () => {
    expect(await handleCommand(await opened(), policies, accept, { expectedVersion: 1 })).toEqual(
      E.right(expect.objectContaining({ version: 2 })),
    );
    const store = racingStore(await opened(), 1);
    const raced = await handleCommand(store, policies, accept, { expectedVersion: 1 });
    expect(raced).toEqual(E.left(expect.objectContaining({ code: "CONCURRENCY_CONFLICT", expected: 1, actual: 2 })));
    expect((await store.readStream(TENANT, TICKET)).events.map((e) => e.type)).toEqual(["opened", "commented"]);
  });

  it("expectedVersion: a command handled before under its id is answered as before", async () => {
    const store = await opened();
    const keyed = { ...accept, commandId: "req-1" } as typeof accept;
    const first = await handleCommand(store, policies, keyed, { expectedVersion: 1 });
    expect(first).toEqual(E.right(expect.objectContaining({ version: 2, replayed: false })));
    const again = await handleCommand(store, policies, keyed, { expectedVersion: 1 });
    expect(again).toEqual(E.right(expect.objectContaining({ version: 2, replayed: true })));
  });

  it("a ticket under a policy nobody registered is UNKNOWN_POLICY", async () => {
    const store = await opened();
    expect(await handleCommand(store, singlePolicy(contractPolicy), accept)).toEqual(
      E.left(expect.objectContaining({ code: "UNKNOWN_POLICY", policyId: reopenWindowPolicy.id })),
    );
  });

  it("a corrupt stored event is thrown as CORRUPT_EVENT naming tenant, stream and version", async () => {
    const store = await opened();
    await store.appendToStream(
      TENANT,
      TICKET,
      [{ type: "accepted", schemaVersion: 1, data: {}, metadata: { at: "yesterday" } }],
      {
        expectedVersion: 1,
      },
    );
    const error = await handleCommand(store, policies, accept).catch((e: unknown) => e);
    expect(isCorruptEvent(error)).toBe(true);
    expect(error).toMatchObject({ tenantId: TENANT, streamId: TICKET, version: 2 });
    expect((error as Error).message).toContain(`${TENANT}/${TICKET}@2`);
    expect((error as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
  });
});
