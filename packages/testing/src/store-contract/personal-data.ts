/**
 * The personal-data contract (docs/personal-data.md): a store with crypto-shredding enabled keeps
 * personal values sealed at rest, reads them back as written, and after `forgetSubject` still
 * returns every event — decodable, with the subject's personal values `[erased]` and nothing else
 * changed — while no plain copy of them is left anywhere it stores data (`dump`: every text the
 * store holds; for SQL, every text and jsonb column of every table). Run it on every adapter.
 */
import {
  ERASED,
  type EventStore,
  fromRecorded,
  isInvalidStoreInput,
  type NotificationIntent,
  type PersonalDataStore,
  personalActorName,
  personalPathsOf,
  type RecordedEvent,
  supportsOutbox,
} from "@ticketfold/core";
import { describe, expect, it } from "vitest";
import { T0, TENANT } from "../fixtures/commands.js";
import { type SeededSubject, seededSubjects } from "./personal-data-seed.js";

export interface PersonalDataFixture {
  readonly store: EventStore & PersonalDataStore;
  /** Everything the store holds now, as one text (memory: its JSON; SQL: every text and jsonb column of every table). */
  readonly dump: () => Promise<string>;
  readonly cleanup?: () => Promise<void>;
}

/** An EMPTY store with personal data enabled, each call. */
export type MakePersonalDataStore = () => Promise<PersonalDataFixture>;

type Json = Record<string, unknown>;
const isRecord = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u);

/** `value` with the text at `path` replaced by ERASED. */
const eraseAt = (value: unknown, path: readonly string[]): unknown => {
  const [key, ...rest] = path;
  if (key === undefined) return typeof value === "string" ? ERASED : value;
  if (!isRecord(value) || !Object.hasOwn(value, key)) return value;
  return { ...value, [key]: eraseAt(value[key], rest) };
};

/** What an event must read as once its subject is forgotten: each personal value erased, nothing else. */
export const erasedView = (e: { type: string; data: unknown; metadata: unknown }) => ({
  type: e.type,
  data: personalPathsOf(e.type).reduce(eraseAt, e.data),
  metadata:
    isRecord(e.metadata) && isRecord(e.metadata.actor) && e.metadata.actor.kind === "requester"
      ? eraseAt(e.metadata, personalActorName)
      : e.metadata,
});

const view = (e: { type: string; data: unknown; metadata: unknown }) => ({
  type: e.type,
  data: e.data,
  metadata: e.metadata,
});

/** A notice to the subject, as the notifying handler writes it beside its events. */
const noticeTo = (s: SeededSubject, eventId: string): NotificationIntent => {
  const opened = s.ticketEvents[0];
  const email = opened?.type === "opened" ? opened.data.requester.email : undefined;
  return {
    id: `${eventId}/ticket-opened/requester`,
    eventId,
    ticketId: s.ticketId,
    tenantId: TENANT,
    rule: "ticket-opened",
    templateKey: "ticket-opened",
    locale: "en",
    recipients: [{ role: "requester", id: s.subject, ...(email === undefined ? {} : { address: email }) }],
    audience: "requester",
    urgent: false,
    at: T0,
    data: { ticketId: s.ticketId, subject: s.values[3] ?? "" },
  };
};

/** Appends the subject's ticket; with an outbox, with a notice to the requester beside its opening. */
const appendTicket = async (store: EventStore, s: SeededSubject): Promise<void> => {
  const events = s.events.map((e, i) => ({ ...e, eventId: `${s.ticketId}-${i + 1}` }));
  if (supportsOutbox(store)) {
    await store.appendWithOutbox(TENANT, s.ticketId, events, {
      expectedVersion: "no_stream",
      outbox: [noticeTo(s, `${s.ticketId}-1`)],
    });
  } else {
    await store.appendToStream(TENANT, s.ticketId, events, { expectedVersion: "no_stream" });
  }
};

const withFixture = async (make: MakePersonalDataStore, body: (f: PersonalDataFixture) => Promise<void>) => {
  const fixture = await make();
  try {
    await body(fixture);
  } finally {
    if (fixture.cleanup) await fixture.cleanup();
    else await fixture.store.close?.();
  }
};

const readTicket = async (store: EventStore, s: SeededSubject): Promise<readonly RecordedEvent[]> =>
  (await store.readStream(TENANT, s.ticketId)).events;

export const describePersonalDataContract = (name: string, make: MakePersonalDataStore): void => {
  describe(`personal-data contract: ${name}`, () => {
    it("keeps personal values sealed at rest and reads them back as written", () =>
      withFixture(make, async ({ store, dump }) => {
        const { forgotten, kept } = seededSubjects();
        await appendTicket(store, forgotten);
        await appendTicket(store, kept);
        expect((await readTicket(store, forgotten)).map(view)).toEqual(forgotten.events.map(view));
        const all = await store.readAll({});
        expect(all.events.filter((e) => e.streamId === kept.ticketId).map(view)).toEqual(kept.events.map(view));
        const stored = await dump();
        // Events hold no plain personal value. A pending notice holds what it needs to be sent
        // (the address and the subject line, values 1 and 3) until it is sent or its subject forgotten.
        const inNotices = supportsOutbox(store) ? [1, 3] : [];
        for (const s of [forgotten, kept])
          for (const [i, value] of s.values.entries()) if (!inNotices.includes(i)) expect(stored).not.toContain(value);
      }));

    it("after forgetting, every event still reads and decodes, with only the subject's personal values erased", () =>
      withFixture(make, async ({ store }) => {
        const { forgotten, kept } = seededSubjects();
        await appendTicket(store, forgotten);
        await appendTicket(store, kept);
        const fact = await store.forgetSubject(TENANT, forgotten.subject, T0 + 86_400_000);
        expect(fact).toEqual({
          type: "subject-forgotten",
          tenantId: TENANT,
          subject: forgotten.subject,
          at: T0 + 86_400_000,
        });
        const after = await readTicket(store, forgotten);
        expect(after.map((e) => e.version)).toEqual(forgotten.events.map((_, i) => i + 1));
        expect(after.map(view)).toEqual(forgotten.events.map(erasedView));
        for (const e of after) expect(fromRecorded(e)._tag).toBe("Right");
        expect((await readTicket(store, kept)).map(view)).toEqual(kept.events.map(view));
        const all = await store.readAll({});
        expect(all.events.filter((e) => e.streamId === forgotten.ticketId).map(view)).toEqual(
          forgotten.events.map(erasedView),
        );
      }));

    it("after forgetting, no plain personal value of the subject is left in anything the store holds", () =>
      withFixture(make, async ({ store, dump }) => {
        const { forgotten, kept } = seededSubjects();
        await appendTicket(store, forgotten);
        await appendTicket(store, kept);
        await store.forgetSubject(TENANT, forgotten.subject, T0 + 86_400_000);
        const stored = await dump();
        for (const value of forgotten.values) expect(stored).not.toContain(value);
        // The scan sees what is there: the kept subject's pending notice still names its address.
        if (supportsOutbox(store)) expect(stored).toContain(kept.values[1]);
      }));

    it("exports everything held about a subject, and shows the erasure once forgotten", () =>
      withFixture(make, async ({ store }) => {
        const { forgotten, kept } = seededSubjects();
        await appendTicket(store, forgotten);
        await appendTicket(store, kept);
        const before = await store.exportSubject(TENANT, forgotten.subject);
        expect(before.forgottenAt).toBeNull();
        expect(before.tickets.map((t) => t.ticketId)).toEqual([forgotten.ticketId]);
        const values = before.tickets.flatMap((t) => t.events.flatMap((e) => Object.values(e.personal)));
        for (const value of forgotten.values) expect(values).toContain(value);
        for (const value of kept.values) expect(values).not.toContain(value);
        await store.forgetSubject(TENANT, forgotten.subject, T0 + 86_400_000);
        const after = await store.exportSubject(TENANT, forgotten.subject);
        expect(after.forgottenAt).toBe(new Date(T0 + 86_400_000).toISOString());
        const left = after.tickets.flatMap((t) => t.events.flatMap((e) => Object.values(e.personal)));
        expect(left.length).toBe(values.length);
        expect(new Set(left)).toEqual(new Set([ERASED]));
      }));

    it("stores a forgotten subject's later personal values as erased (no new key)", () =>
      withFixture(make, async ({ store, dump }) => {
        const { forgotten } = seededSubjects();
        await appendTicket(store, forgotten);
        await store.forgetSubject(TENANT, forgotten.subject, T0 + 86_400_000);
        const late = { ...(forgotten.events[2] as (typeof forgotten.events)[number]), eventId: "late-comment" };
        await store.appendToStream(TENANT, forgotten.ticketId, [late], { expectedVersion: forgotten.events.length });
        const read = await readTicket(store, forgotten);
        expect(view(read.at(-1) as RecordedEvent)).toEqual(erasedView(late));
        for (const value of forgotten.values) expect(await dump()).not.toContain(value);
      }));

    it("refuses an event with personal values and no data subject, storing nothing", () =>
      withFixture(make, async ({ store }) => {
        const { forgotten } = seededSubjects();
        const comment = forgotten.events[2] as (typeof forgotten.events)[number];
        const { subject: _, ...metadata } = comment.metadata as Json;
        const error = await store
          .appendToStream(TENANT, "no-subject", [{ ...comment, metadata }], { expectedVersion: "no_stream" })
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(isInvalidStoreInput(error)).toBe(true);
        expect(await store.streamExists(TENANT, "no-subject")).toBe(false);
      }));
  });
};
