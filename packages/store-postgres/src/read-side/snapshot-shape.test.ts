/**
 * The read side's TicketState snapshots carry a shape version: each is stored with
 * TICKET_STATE_SHAPE; one of another shape (older, newer, or from a table set made before
 * shapes were recorded) is never folded onto but rebuilt from the ticket's events; and
 * TicketState's fields are pinned here, so changing them fails this test until the version is
 * bumped. On the selected backend (the server with TICKETFOLD_PG_URL, else PGlite).
 */
import {
  type CompiledPolicy,
  compilePolicy,
  decodePolicy,
  fold,
  handleCommand,
  loadTicket,
  type PolicyLookup,
  singlePolicy,
  type TicketCommand,
} from "@ticketfold/core";
import { commandOf, impactPolicy, openTicket, TENANT, TICKET, ticketIn } from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresEventStore } from "../store.js";
import { selectedBackend, type TestBackend } from "../target.test-support.js";
import { catchUpReadSide } from "./runner.js";
import { TICKET_STATE_SHAPE } from "./snapshot.js";
import { readSideTables } from "./tables.js";
import { ensureReadSide } from "./versions.js";

const decoded = decodePolicy({
  id: "desk",
  name: "Snapshot test desk",
  priorities: { levels: [{ id: "normal", name: "Normal" }], default: "normal" },
  sla: { metrics: { response: { targets: { normal: "1h" } }, resolution: { targets: { normal: "8h" } } } },
});
if (E.isLeft(decoded)) throw new Error(decoded.left.message);
const desk = decoded.right;
const compiled = compilePolicy(desk);
if (E.isLeft(compiled)) throw new Error(compiled.left.message);
const policies: PolicyLookup = (id) => (id === desk.id ? (compiled.right as CompiledPolicy) : undefined);

let backend: TestBackend;
beforeAll(async () => {
  backend = await selectedBackend("snapshot");
}, 120_000);
afterAll(() => backend?.close());

const run = async (store: PostgresEventStore, command: TicketCommand): Promise<void> => {
  const handled = await handleCommand(store, singlePolicy(desk), command);
  if (E.isLeft(handled)) throw new Error(handled.left.message);
};

const snapshot = async (store: PostgresEventStore) => {
  const t = readSideTables(store.schema, 1);
  const { rows } = await store.driver.query<{ shape: number; state: unknown }>(
    `SELECT shape, state FROM ${t.ticketState} WHERE tenant = $1 AND ticket_id = $2`,
    [TENANT, TICKET],
  );
  return rows[0];
};

/** The snapshot as the current fold writes it (JSON, as jsonb keeps it). */
const current = async (store: PostgresEventStore) =>
  JSON.parse(JSON.stringify((await loadTicket(store, TENANT, TICKET)).state)) as unknown;

describe("read-side snapshots of TicketState", () => {
  it("are stored with the current shape version", async () => {
    const { store, cleanup } = await backend.freshStore();
    try {
      await ensureReadSide(store);
      await run(store, openTicket({ channel: "email" }));
      await catchUpReadSide(store, 1, { policies });
      expect(await snapshot(store)).toEqual({ shape: TICKET_STATE_SHAPE, state: await current(store) });
    } finally {
      await cleanup();
    }
  });

  it.each([0, TICKET_STATE_SHAPE + 1])("one of shape %i is rebuilt from the log, never folded onto", async (shape) => {
    const { store, cleanup } = await backend.freshStore();
    try {
      await ensureReadSide(store);
      await run(store, openTicket());
      await catchUpReadSide(store, 1, { policies });
      const t = readSideTables(store.schema, 1);
      // A snapshot in a shape this code does not know: folding onto it would go wrong.
      await store.driver.query(`UPDATE ${t.ticketState} SET shape = $1, state = '{"version": 1, "old": true}'`, [
        shape,
      ]);
      await run(store, commandOf("accept", {}, { at: openTicket().at + 60_000 }));
      await catchUpReadSide(store, 1, { policies });
      expect(await snapshot(store)).toEqual({ shape: TICKET_STATE_SHAPE, state: await current(store) });
      const queue = await store.driver.query(`SELECT status, version FROM ${t.workQueue}`);
      expect(queue.rows).toEqual([{ status: "open", version: 2 }]);
    } finally {
      await cleanup();
    }
  });

  it("a table set made before shapes were recorded gains the column; its snapshots are rebuilt as tickets move", async () => {
    const { store, cleanup } = await backend.freshStore();
    try {
      await ensureReadSide(store);
      await run(store, openTicket());
      await catchUpReadSide(store, 1, { policies });
      const t = readSideTables(store.schema, 1);
      // Such a set predates the ticket list too: no list table, no views on the snapshots.
      await store.driver.query(`DROP VIEW "${store.schema.name}".ticket_state, "${store.schema.name}".tickets`);
      await store.driver.query(`DROP TABLE ${t.tickets}`);
      await store.driver.query(`ALTER TABLE ${t.ticketState} DROP COLUMN shape`);
      await ensureReadSide(store);
      expect((await snapshot(store))?.shape).toBe(0);
      await run(store, commandOf("accept", {}, { at: openTicket().at + 60_000 }));
      await catchUpReadSide(store, 1, { policies });
      expect(await snapshot(store)).toEqual({ shape: TICKET_STATE_SHAPE, state: await current(store) });
    } finally {
      await cleanup();
    }
  });

  it(`TicketState has the fields of shape ${TICKET_STATE_SHAPE} (change them: bump TICKET_STATE_SHAPE, then this list)`, () => {
    const state = fold(ticketIn("closed", impactPolicy).events);
    expect(Object.keys(state).sort()).toEqual(
      // biome-ignore format: one field a line reads as the state's definition
      [
        "approval", "assignee", "awaitingReason", "closedAt", "escalationLevel",
        "escalationRequests", "feedback", "fields", "firstPublicAgentReplyAt", "group", "groupHistory", "internalComments",
        "lastCustomerMessageAt", "lastEventAt", "lastPublicAgentReplyAt", "minutesBillable", "minutesUnbilled",
        "openedAt", "planSharedAt", "policyHistory", "policyId", "policyVersion", "priority", "priorityHistory", "publicComments",
        "ratings", "reopenedAt", "replyCycles", "resolvedAt", "sessions", "slaRecords", "status", "statusHistory", "tenantId",
        "ticketId", "timeEntries", "version",
      ],
    );
  });
});
