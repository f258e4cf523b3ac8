/**
 * The ticket list in SQL, beyond the contract: every main query reads its order's index range
 * and probes one snapshot per row (no sort, no scan of all snapshots), on a few thousand rows;
 * a table set made before the list existed is filled from its snapshots when the runner
 * starts; a snapshot of another shape is folded from its stream for the row's live SLA. On
 * the selected backend (the server with TICKETFOLD_PG_URL, else PGlite).
 */
import {
  HOUR,
  type TicketListFilter,
  type TicketListKey,
  type TicketPageRequest,
  ticketListQuery,
} from "@ticketfold/core";
import { appendLog, referenceOf } from "@ticketfold/testing/read-model-contract";
import { recordedLog, ticketEvents, WORKLOAD_START, workloadPolicies } from "@ticketfold/testing/workload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectedBackend, type TestBackend } from "../target.test-support.js";
import { catchUpReadSide } from "./runner.js";
import { readSideTables } from "./tables.js";
import { createPostgresTicketQueries, ticketListSql } from "./ticket-list-query.js";
import { fillSyntheticList } from "./ticket-list-sql.test-support.js";
import { ensureReadSide } from "./versions.js";

let backend: TestBackend;
beforeAll(async () => {
  backend = await selectedBackend("ticketsql");
}, 120_000);
afterAll(() => backend?.close());

const NOW = WORKLOAD_START + 40 * 24 * HOUR;

describe("plans on 5,000 tickets", () => {
  const cases: [string, TicketListFilter, Partial<TicketPageRequest>, string][] = [
    ["a tenant's tickets, newest first", {}, {}, "tickets_opened_v1"],
    ["P-D's organisation view", { organisation: "org-7" }, {}, "tickets_organisation_v1"],
    ["a requester's own tickets", { requester: "req-7" }, {}, "tickets_requester_v1"],
    ["an agent's tickets in queue order", { assignee: "agent-4" }, { order: "queue" }, "tickets_assignee_tier_v1"],
    ["the open tickets in queue order", { status: ["new", "open"] }, { order: "queue" }, "tickets_queue_tier_v1"],
    ["recently updated", {}, { order: "updated-desc" }, "tickets_updated_v1"],
    ["breached now", { breached: true }, {}, "tickets_opened_v1"],
  ];
  it.each(cases)("%s: its order's index, a snapshot probe per row, no sort", async (_name, filter, page, index) => {
    const { store, cleanup } = await backend.freshStore();
    try {
      await ensureReadSide(store);
      await fillSyntheticList(store, 5000);
      const q = ticketListQuery("t1", filter, { now: NOW, ...page });
      if (q._tag === "Left") throw q.left;
      // A later page too: its keyset is a range condition on the same index.
      const id = `T${"2000".padStart(25, "0")}`;
      const at = WORKLOAD_START + 2000 * 60_000;
      const after: TicketListKey = q.right.order === "queue" ? [1, at + HOUR, 1, at, id] : [at, id];
      for (const query of [q.right, { ...q.right, after }]) {
        const { sql, params } = ticketListSql(query, store.schema);
        const plan = await store.driver.transaction(async (tx) => {
          await tx.query("SET LOCAL enable_seqscan = off");
          await tx.query("SET LOCAL enable_bitmapscan = off");
          return (await tx.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, params)).rows[0]?.[
            "QUERY PLAN"
          ];
        });
        const text = JSON.stringify(plan);
        expect(text).toMatch(new RegExp(`"Index Name":"${index}"`));
        expect(text).toMatch(/"Index Name":"ticket_state_v1_pkey"/);
        expect(text).not.toMatch(/"Node Type":"(Incremental )?Sort"/);
      }
    } finally {
      await cleanup();
    }
  });
});

const plan = (i: number, moves: Parameters<typeof ticketEvents>[1]["moves"]) =>
  ticketEvents(i, {
    tenant: "t1",
    organisation: "Acme",
    contractId: undefined,
    vip: false,
    policy: "resume",
    priority: "high",
    startOffset: i * 10,
    moves,
  });

describe("upgrades", () => {
  it("a table set made before the list is filled from its snapshots when the runner starts", async () => {
    const { store, cleanup } = await backend.freshStore();
    try {
      const log = recordedLog([
        plan(0, [
          [10, "accept", 0],
          [30, "resolve", 0],
          [5, "close", 0],
        ]),
        plan(1, []),
      ]);
      await ensureReadSide(store);
      await appendLog(store, log);
      await catchUpReadSide(store, 1, { policies: workloadPolicies });
      const s = store.schema.name;
      await store.driver.query(`DROP VIEW "${s}".ticket_state, "${s}".tickets`);
      await store.driver.query(`DROP TABLE ${readSideTables(store.schema, 1).tickets}`);
      await ensureReadSide(store);
      const queries = createPostgresTicketQueries(store, { policies: workloadPolicies });
      expect((await queries.listTickets("t1", {}, { now: NOW })).rows).toEqual([]);
      // No new event: the runner's start fills the list.
      expect((await catchUpReadSide(store, 1, { policies: workloadPolicies })).events).toBe(0);
      const want = referenceOf(log).list("t1", {}, { now: NOW });
      expect(await queries.listTickets("t1", {}, { now: NOW })).toEqual(want._tag === "Right" && want.right);
    } finally {
      await cleanup();
    }
  });

  it("a table set made when the queue put VIP first gains the tier rank, filled as the default scale ranks", async () => {
    const { store, cleanup } = await backend.freshStore();
    try {
      const vip = ticketEvents(1, {
        tenant: "t1",
        organisation: "Acme",
        contractId: undefined,
        vip: true,
        policy: "resume",
        priority: "high",
        startOffset: 10,
        moves: [],
      });
      const log = recordedLog([plan(0, [[10, "accept", 0]]), vip, plan(2, [])]);
      await ensureReadSide(store);
      await appendLog(store, log);
      await catchUpReadSide(store, 1, { policies: workloadPolicies });
      const s = store.schema.name;
      const t = readSideTables(store.schema, 1);
      // The shape before tiers were a scale: no tier_rank column, the views made without it.
      await store.driver.query(`DROP VIEW "${s}".tickets, "${s}".work_queue`);
      for (const table of [t.tickets, t.workQueue])
        await store.driver.query(`ALTER TABLE ${table} DROP COLUMN tier_rank`);
      await store.driver.query(`CREATE VIEW "${s}".tickets AS SELECT * FROM ${t.tickets}`);
      await store.driver.query(`CREATE VIEW "${s}".work_queue AS SELECT * FROM ${t.workQueue}`);
      await ensureReadSide(store);
      const queries = createPostgresTicketQueries(store, { policies: workloadPolicies });
      const want = referenceOf(log).list("t1", {}, { now: NOW, order: "queue" });
      expect(await queries.listTickets("t1", {}, { now: NOW, order: "queue" })).toEqual(
        want._tag === "Right" && want.right,
      );
      const { rows } = await store.driver.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM "${s}".work_queue WHERE tier_rank = CASE WHEN vip THEN 0 ELSE 1 END`,
      );
      expect(rows[0]?.n).toBe(3);
    } finally {
      await cleanup();
    }
  });

  it("a snapshot of another shape is folded from its stream for the row's live SLA", async () => {
    const { store, cleanup } = await backend.freshStore();
    try {
      const log = recordedLog([plan(0, [[10, "accept", 0]]), plan(1, [[20, "reply", 0]])]);
      await ensureReadSide(store);
      await appendLog(store, log);
      await catchUpReadSide(store, 1, { policies: workloadPolicies });
      const t = readSideTables(store.schema, 1);
      await store.driver.query(`UPDATE ${t.ticketState} SET shape = 0, state = '{"version": 1, "old": true}'`);
      const queries = createPostgresTicketQueries(store, { policies: workloadPolicies });
      const want = referenceOf(log).list("t1", {}, { now: NOW, order: "queue" });
      expect(await queries.listTickets("t1", {}, { now: NOW, order: "queue" })).toEqual(
        want._tag === "Right" && want.right,
      );
    } finally {
      await cleanup();
    }
  });
});
