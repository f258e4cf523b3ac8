/**
 * Contract: a store keeps what the command handler's idempotency stands on. An event's trace
 * (which command caused it, its correlation, the command's fingerprint) reads back as written,
 * so a command handled again under its id — by this process or any other over the same store —
 * appends nothing and answers as the first time, and another command under the same id is
 * COMMAND_ID_REUSED.
 */
import {
  type CommandId,
  commandId,
  handleCommand,
  singlePolicy,
  type TicketCommand,
  toTracedEvent,
  traceOf,
} from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { expect, it } from "vitest";
import { agent, commandOf, openTicket, T0, TENANT, TICKET, text } from "../fixtures/commands.js";
import { reopenWindowPolicy } from "../fixtures/policies.js";
import { historyOf } from "../fixtures/tickets.js";
import { type MakeStore, withStore } from "./helpers.js";

const K: CommandId = commandId("01JNDG9Q00000000000000KEY1");
const policies = singlePolicy(reopenWindowPolicy);
const comment = (body: string): TicketCommand =>
  ({ ...commandOf("comment", { body: text(body) }, { at: T0 + 60_000, actor: agent }), commandId: K }) as TicketCommand;

export const commandIdContract = (makeStore: MakeStore): void => {
  it("keeps an event's trace: what toTracedEvent wrote, traceOf reads back", () =>
    withStore(makeStore, async (store) => {
      const [opened] = historyOf(reopenWindowPolicy, [openTicket()]);
      if (opened === undefined) throw new Error("fixture: no opened event");
      const trace = { causationId: K, correlationId: commandId("req-42"), commandFingerprint: "00ff00ff00ff00ff" };
      await store.appendToStream(TENANT, TICKET, [toTracedEvent(opened, trace)], { expectedVersion: "no_stream" });
      const [read] = (await store.readStream(TENANT, TICKET)).events;
      if (read === undefined) throw new Error("nothing read back");
      expect(traceOf(read)).toEqual(E.right(trace));
      expect(read.metadata).toEqual({ at: expect.any(String), actor: opened.actor, ...trace });
    }));

  it("a command handled again under its id appends nothing and answers as the first time", () =>
    withStore(makeStore, async (store) => {
      expect(E.isRight(await handleCommand(store, policies, openTicket()))).toBe(true);
      const first = await handleCommand(store, policies, comment("On it"));
      const again = await handleCommand(store, policies, { ...comment("On it"), at: T0 + 120_000 });
      expect(E.isRight(first) && first.right.replayed).toBe(false);
      expect(again).toEqual(E.map((h: object) => ({ ...h, replayed: true }))(first));
      expect((await store.readStream(TENANT, TICKET)).events.map((e) => e.type)).toEqual(["opened", "commented"]);
    }));

  it("another command under the same id is COMMAND_ID_REUSED and appends nothing", () =>
    withStore(makeStore, async (store) => {
      await handleCommand(store, policies, openTicket());
      await handleCommand(store, policies, comment("On it"));
      expect(await handleCommand(store, policies, comment("Done"))).toEqual(
        E.left(expect.objectContaining({ code: "COMMAND_ID_REUSED", commandId: K, version: 2 })),
      );
      expect((await store.readStream(TENANT, TICKET)).version).toBe(2);
    }));
};
