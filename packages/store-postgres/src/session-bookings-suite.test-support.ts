/**
 * The engineers' bookings on the read side (session-bookings-tables.ts), run on PGlite
 * (session-bookings.test.ts) and on the PostgreSQL server (session-bookings-server.test.ts).
 * The read side is eventually consistent, and the suite says so: a booking the runner has not
 * projected yet is not found; once projected, a session over it on another ticket is refused.
 */
import {
  type CommandOf,
  HOUR,
  handleCommand,
  policyLookupOf,
  type SessionBookings,
  type TicketCommand,
} from "@ticketfold/core";
import { agent, text } from "@ticketfold/testing";
import { deskPolicies, deskPolicy, openCommand, T0, TENANT, ticketNo } from "@ticketfold/testing/delivery-contract";
import { afterEach, beforeEach, expect, it } from "vitest";
import {
  activeReadSideVersion,
  catchUpReadSide,
  createPostgresDesk,
  createPostgresSessionBookings,
  createReadSideVersion,
  ensureReadSide,
  type PostgresEventStore,
  readSideTables,
  sessionBookingsSql,
  sessionBookingsView,
  switchReadSide,
} from "./index.js";
import type { TestBackend } from "./target.test-support.js";

const A = ticketNo(101);
const B = ticketNo(102);
const C = ticketNo(103);
const DAY = T0 + 24 * HOUR;
const lookup = policyLookupOf(deskPolicies);

const book = (ticket: string, start: number, length: number, engineer?: string): CommandOf<"schedule-session"> => ({
  type: "schedule-session",
  ticketId: ticket as CommandOf<"schedule-session">["ticketId"],
  tenantId: TENANT,
  at: T0 + HOUR,
  actor: agent,
  data: { start, length, ...(engineer === undefined ? {} : { engineer: text(engineer) }) },
});

export const sessionBookingsSuite = (backend: () => TestBackend): void => {
  let store: PostgresEventStore;
  let cleanup: () => Promise<void>;
  let bookings: SessionBookings;
  const handle = (c: TicketCommand) => handleCommand(store, deskPolicies, c, { sessionBookings: bookings });
  const project = async () => {
    const version = (await activeReadSideVersion(store.driver, store.schema)) ?? 1;
    await catchUpReadSide(store, version, { policies: lookup });
  };

  beforeEach(async () => {
    ({ store, cleanup } = await backend().freshStore());
    await ensureReadSide(store);
    bookings = createPostgresSessionBookings(store);
    for (const id of [A, B, C]) expect((await handle(openCommand(id)))._tag).toBe("Right");
  });
  afterEach(() => cleanup());

  it("a booking is found once the read side projected it, not before (the window); then an overlap on another ticket is SESSION_CONFLICT", async () => {
    expect((await handle(book(A, DAY, HOUR, "eng-kim")))._tag).toBe("Right");
    // The window: the runner has not projected A's session yet.
    expect(await bookings.overlapping(TENANT, "eng-kim", DAY, DAY + HOUR)).toEqual([]);
    await project();
    expect(await bookings.overlapping(TENANT, "eng-kim", DAY + HOUR / 2, DAY + 2 * HOUR)).toEqual([
      { ticketId: A, start: DAY, end: DAY + HOUR },
    ]);
    expect(await handle(book(B, DAY + HOUR / 2, HOUR, "eng-kim"))).toMatchObject({
      _tag: "Left",
      left: {
        code: "SESSION_CONFLICT",
        engineer: "eng-kim",
        conflictsWith: { ticketId: A, start: DAY, end: DAY + HOUR },
      },
    });
  });

  it("adjacent sessions and another engineer's are not overlaps; another tenant's are not seen", async () => {
    expect((await handle(book(A, DAY, HOUR, "eng-kim")))._tag).toBe("Right");
    await project();
    expect(await bookings.overlapping(TENANT, "eng-kim", DAY + HOUR, DAY + 2 * HOUR)).toEqual([]);
    expect(await bookings.overlapping(TENANT, "eng-kim", DAY - HOUR, DAY)).toEqual([]);
    expect(await bookings.overlapping(TENANT, "eng-lee", DAY, DAY + HOUR)).toEqual([]);
    expect(await bookings.overlapping("other-tenant", "eng-kim", DAY, DAY + HOUR)).toEqual([]);
    expect((await handle(book(B, DAY + HOUR, HOUR, "eng-kim")))._tag).toBe("Right");
    expect((await handle(book(C, DAY, HOUR, "eng-lee")))._tag).toBe("Right");
    await project();
    expect(await bookings.overlapping(TENANT, "eng-kim", DAY, DAY + 3 * HOUR)).toEqual([
      { ticketId: A, start: DAY, end: DAY + HOUR },
      { ticketId: B, start: DAY + HOUR, end: DAY + 2 * HOUR },
    ]);
  });

  it("closing a ticket releases its bookings; a rebuilt table set holds the same bookings", async () => {
    expect((await handle(book(A, DAY, HOUR, "eng-kim")))._tag).toBe("Right");
    expect((await handle(book(B, DAY + 2 * HOUR, HOUR, "eng-kim")))._tag).toBe("Right");
    const close: TicketCommand = {
      type: "close",
      ticketId: A as never,
      tenantId: TENANT,
      at: T0 + 2 * HOUR,
      actor: agent,
      data: {},
    };
    expect((await handle(close))._tag).toBe("Right");
    await project();
    const all = [{ ticketId: B, start: DAY + 2 * HOUR, end: DAY + 3 * HOUR }];
    expect(await bookings.overlapping(TENANT, "eng-kim", DAY, DAY + 4 * HOUR)).toEqual(all);
    await createReadSideVersion(store, 2);
    await catchUpReadSide(store, 2, { policies: lookup });
    await switchReadSide(store, 2);
    expect(await bookings.overlapping(TENANT, "eng-kim", DAY, DAY + 4 * HOUR)).toEqual(all);
  });

  it("createPostgresDesk asks the read side's bookings by default", async () => {
    const desk = await createPostgresDesk({
      driver: backend().driver,
      schema: store.schema.name,
      policies: deskPolicy,
      clock: () => T0 + HOUR,
    });
    const at = (start: number, engineer: string, ticket: string) => {
      const { at: _at, ...command } = book(ticket, start, HOUR, engineer);
      return desk.handle(command);
    };
    expect((await at(DAY, "eng-kim", A))._tag).toBe("Right");
    await project();
    expect(await at(DAY, "eng-kim", B)).toMatchObject({
      _tag: "Left",
      left: { code: "SESSION_CONFLICT", conflictsWith: { ticketId: A } },
    });
    await desk.stop();
  });

  it("an overlap query is one range scan of the engineer's bookings index, in its order (no sort)", async () => {
    const t = readSideTables(store.schema, 1);
    // 4,000 bookings: 20 engineers, 200 one-hour sessions each on tickets of their own.
    await store.driver.query(
      `INSERT INTO ${t.sessionBookings} (tenant, ticket_id, ordinal, engineer, start_ms, end_ms)
      SELECT $1, 'T' || e || '-' || n, 0, 'eng-' || e, $2::bigint + n * 3600000, $2::bigint + (n + 1) * 3600000
      FROM generate_series(1, 20) e, generate_series(0, 199) n`,
      [TENANT, String(DAY)],
    );
    await store.driver.query(`ANALYZE ${t.sessionBookings}`);
    const sql = sessionBookingsSql(sessionBookingsView(store.schema));
    const params = [TENANT, "eng-7", String(DAY + 10 * HOUR), String(DAY + 12 * HOUR)];
    const plan = await store.driver.transaction(async (tx) => {
      await tx.query("SET LOCAL enable_seqscan = off");
      await tx.query("SET LOCAL enable_bitmapscan = off");
      return (await tx.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, params)).rows[0]?.[
        "QUERY PLAN"
      ];
    });
    const text = JSON.stringify(plan);
    expect(text).toMatch(/"Index Name":"session_bookings_engineer_v1"/);
    expect(text).not.toMatch(/"Node Type":"(Incremental )?Sort"/);
    expect(await bookings.overlapping(TENANT, "eng-7", DAY + 10 * HOUR, DAY + 12 * HOUR)).toEqual([
      { ticketId: "T7-10", start: DAY + 10 * HOUR, end: DAY + 11 * HOUR },
      { ticketId: "T7-11", start: DAY + 11 * HOUR, end: DAY + 12 * HOUR },
    ]);
  });

  it("a table set made before bookings were kept gains the table and view when the read side starts", async () => {
    const t = readSideTables(store.schema, 1);
    // As a set made by an earlier release: no bookings table, no view.
    await store.driver.query(`DROP TABLE ${t.sessionBookings} CASCADE`);
    await ensureReadSide(store);
    expect((await handle(book(A, DAY, HOUR, "eng-kim")))._tag).toBe("Right");
    await project();
    expect(await bookings.overlapping(TENANT, "eng-kim", DAY, DAY + HOUR)).toEqual([
      { ticketId: A, start: DAY, end: DAY + HOUR },
    ]);
  });
};
