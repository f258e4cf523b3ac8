/**
 * The law of erasure (docs/personal-data.md), over random ticket histories: through a store with
 * personal data on, a ticket folds to exactly what its events fold to; after its requester is
 * forgotten it still folds, and the two states differ only in personal fields, each of which
 * then reads `[erased]`. SLA history, statuses, priorities and figures are the same.
 */
import {
  ERASED,
  fold,
  loadTicket,
  personalFields,
  type TicketFields,
  type TicketState,
  toTracedEvent,
} from "@ticketfold/core";
import { historyArb } from "@ticketfold/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createInMemoryEventStore } from "../index.js";
import { createInMemoryKeyStore } from "./key-store.js";

/** The personal paths of a ticket's fields: those of the `opened` event. */
const PERSONAL = personalFields.opened;

const mapPersonal = (fields: TicketFields | null, to: (value: string) => string): unknown => {
  if (fields === null) return null;
  let out: unknown = fields;
  for (const path of PERSONAL) {
    const walk = (v: unknown, rest: readonly string[]): unknown => {
      const [key, ...more] = rest;
      if (key === undefined) return typeof v === "string" ? to(v) : v;
      if (typeof v !== "object" || v === null || !(key in v)) return v;
      return { ...(v as Record<string, unknown>), [key]: walk((v as Record<string, unknown>)[key], more) };
    };
    out = walk(out, path);
  }
  return out;
};

/** A state with every personal value replaced by one placeholder: what erasure must not change. */
const impersonal = (s: TicketState) => ({ ...s, fields: mapPersonal(s.fields, () => "·") });

describe("law: erasure changes a ticket's fold in its personal fields only", () => {
  it("holds for random histories", async () => {
    await fc.assert(
      fc.asyncProperty(historyArb({ maxCommands: 12 }), async (h) => {
        const store = createInMemoryEventStore({ personalData: { keyStore: createInMemoryKeyStore() } });
        const subject = h.state.fields?.requester.id as string;
        await store.appendToStream(
          h.tenantId,
          h.ticketId,
          h.events.map((e) => toTracedEvent(e, {}, subject)),
          { expectedVersion: "no_stream" },
        );
        const before = (await loadTicket(store, h.tenantId, h.ticketId)).state;
        expect(before).toEqual(fold(h.events));
        await store.forgetSubject(h.tenantId, subject, 0);
        const after = (await loadTicket(store, h.tenantId, h.ticketId)).state;
        expect(impersonal(after)).toEqual(impersonal(before));
        // Every personal value there was reads erased now.
        expect(mapPersonal(after.fields, (v) => v)).toEqual(mapPersonal(before.fields, () => ERASED));
      }),
      { numRuns: 60 },
    );
  });
});
