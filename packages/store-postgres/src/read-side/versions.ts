/**
 * Table-set versions and the switch. The `read_side` row names the active set and the views
 * (`work_queue`, `ticket_facts`, `metric_outcomes`) select from it; `switchReadSide` moves
 * both in one transaction, and only once the new set's consumer has read the whole log, so a
 * reader sees the old set or the new one, never a half-built one. All of it runs under a
 * transaction-scoped advisory lock per schema, so concurrent starts and switches take turns.
 */

import { deleteConsumer, readConsumerCheckpoint } from "../consumers.js";
import type { SqlExecutor } from "../driver.js";
import { readAllWith } from "../read-all.js";
import type { StoreSchema } from "../schema.js";
import type { PostgresEventStore } from "../store.js";
import { ReadSideNotCaughtUp, ReadSideVersionActive } from "./errors.js";
import { queueClocksTableDdl, queueClocksViewDdl } from "./queue-clocks-tables.js";
import { reportFactsDdl, reportFactsViewDdl } from "./report-facts.js";
import { sessionBookingsDdl, sessionBookingsViewDdl } from "./session-bookings-tables.js";
import { snapshotShapeDdl } from "./snapshot.js";
import {
  dropTableSetDdl,
  pointerDdl,
  READ_SIDE,
  readSideTables,
  readSideViews,
  tableSetDdl,
  tierRankMigrationDdl,
} from "./tables.js";
import { ticketListIndexDdl, ticketListTableDdl, ticketListViewsDdl } from "./ticket-list-tables.js";

const lock = (tx: SqlExecutor, s: StoreSchema) =>
  tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`ticketfold.read-side:${s.name}`]);

/** The active table set's version through `db`, or null before the read side exists. */
export const activeVersionWith = async (db: SqlExecutor, s: StoreSchema): Promise<number | null> => {
  const exists = await db.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [
    readSideViews(s).pointer,
  ]);
  if (exists.rows[0]?.found !== true) return null;
  const { rows } = await db.query<{ v: number }>(
    `SELECT active_version AS v FROM ${readSideViews(s).pointer} WHERE projection = $1`,
    [READ_SIDE],
  );
  return rows[0] ? Number(rows[0].v) : null;
};

const pointAt = async (tx: SqlExecutor, s: StoreSchema, version: number): Promise<void> => {
  const t = readSideTables(s, version);
  const v = readSideViews(s);
  for (const [view, table] of [
    [v.workQueue, t.workQueue],
    [v.ticketFacts, t.ticketFacts],
    [v.metricOutcomes, t.metricOutcomes],
  ] as const) {
    await tx.query(`DROP VIEW IF EXISTS ${view}`);
    await tx.query(`CREATE VIEW ${view} AS SELECT * FROM ${table}`);
  }
  for (const sql of ticketListViewsDdl(s, t)) await tx.query(sql);
  for (const sql of sessionBookingsViewDdl(s, t)) await tx.query(sql);
  for (const sql of reportFactsViewDdl(s, t)) await tx.query(sql);
  for (const sql of queueClocksViewDdl(s, t)) await tx.query(sql);
  await tx.query(
    `INSERT INTO ${v.pointer} (projection, active_version) VALUES ($1, $2)
    ON CONFLICT (projection) DO UPDATE SET active_version = excluded.active_version, switched_at = now()`,
    [READ_SIDE, version],
  );
};

/**
 * Creates the read side on first use (table set v1, active at once: there is nothing older to
 * serve) and returns the active version. Idempotent; migrates the store first.
 */
export const ensureReadSide = async (store: PostgresEventStore): Promise<number> => {
  await store.migrate();
  const s = store.schema;
  return store.driver.transaction(async (tx) => {
    await lock(tx, s);
    await tx.query(pointerDdl(s));
    const active = await activeVersionWith(tx, s);
    if (active !== null) {
      // A set made before snapshots recorded their shape gains the column (snapshot.ts), and
      // one made before the ticket list gains its table and views (the runner fills the table).
      const tables = readSideTables(s, active);
      await tx.query(snapshotShapeDdl(tables));
      await tx.query(ticketListTableDdl(tables));
      // A set made before tiers were a scale gains `tier_rank` (tables.ts) before the indexes
      // on it, and its work-queue view is made again so `SELECT *` includes it. Only then: the
      // migration's ALTERs lock the tables, which a running desk must not pay at every start.
      const ranked = await tx.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM information_schema.columns
        WHERE table_schema = $1 AND table_name IN ($2, $3) AND column_name = 'tier_rank'`,
        [s.name, `work_queue_${tables.suffix}`, `tickets_${tables.suffix}`],
      );
      const migrating = Number(ranked.rows[0]?.n ?? 0) < 2;
      if (migrating) for (const sql of tierRankMigrationDdl(s, tables)) await tx.query(sql);
      for (const sql of ticketListIndexDdl(tables)) await tx.query(sql);
      for (const sql of ticketListViewsDdl(s, tables)) await tx.query(sql);
      // A set made before bookings were kept gains their (empty) table and view.
      for (const sql of sessionBookingsDdl(tables)) await tx.query(sql);
      for (const sql of sessionBookingsViewDdl(s, tables)) await tx.query(sql);
      // A set made before the reports read from PostgreSQL gains the report facts (the runner
      // fills them from the snapshots: report-facts.ts).
      for (const sql of reportFactsDdl(tables)) await tx.query(sql);
      for (const sql of reportFactsViewDdl(s, tables)) await tx.query(sql);
      // A set made before the queue kept clock readings gains their table and view (the runner fills it).
      await tx.query(queueClocksTableDdl(tables));
      for (const sql of queueClocksViewDdl(s, tables)) await tx.query(sql);
      if (migrating) {
        await tx.query(`DROP VIEW IF EXISTS ${readSideViews(s).workQueue}`);
        await tx.query(`CREATE VIEW ${readSideViews(s).workQueue} AS SELECT * FROM ${tables.workQueue}`);
      }
      return active;
    }
    for (const sql of tableSetDdl(readSideTables(s, 1))) await tx.query(sql);
    await pointAt(tx, s, 1);
    return 1;
  });
};

/** Creates table set `version` (empty; its consumer starts at the beginning of the log). */
export const createReadSideVersion = async (store: PostgresEventStore, version: number): Promise<void> => {
  const t = readSideTables(store.schema, version);
  await store.driver.transaction(async (tx) => {
    await lock(tx, store.schema);
    for (const sql of tableSetDdl(t)) await tx.query(sql);
  });
};

/** Makes `version` the active set, once its consumer has caught up (else ReadSideNotCaughtUp). */
export const switchReadSide = async (store: PostgresEventStore, version: number): Promise<void> => {
  const s = store.schema;
  const t = readSideTables(s, version);
  await store.driver.transaction(async (tx) => {
    await lock(tx, s);
    // Locking the consumer row waits for a batch in flight and holds the next one off.
    const checkpoint = await readConsumerCheckpoint(tx, s, t.consumer, undefined, true);
    const next = await readAllWith(tx, s, { after: checkpoint, limit: 1 });
    if (next.events.length > 0) throw new ReadSideNotCaughtUp(version);
    await pointAt(tx, s, version);
  });
};

/** Drops a retired table set and its consumer checkpoint (never the active set). */
export const dropReadSideVersion = async (store: PostgresEventStore, version: number): Promise<void> => {
  const s = store.schema;
  const t = readSideTables(s, version);
  await store.driver.transaction(async (tx) => {
    await lock(tx, s);
    if ((await activeVersionWith(tx, s)) === version) throw new ReadSideVersionActive(version);
    for (const sql of dropTableSetDdl(t)) await tx.query(sql);
    await deleteConsumer(tx, s, t.consumer, undefined);
  });
};
