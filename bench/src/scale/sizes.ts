/**
 * Disk per event: the events table (heap, TOAST) and each of its indexes, plus the streams
 * table, for Ticketfold; emmett-postgresql's messages and streams (every partition) for the
 * same rows. Counted rows are exact (`count(*)`), sizes are PostgreSQL's own.
 */
import type pg from "pg";

export interface StoreSize {
  readonly events: number;
  /** Bytes of the events table with its TOAST and indexes, and of the streams table. */
  readonly eventsBytes: number;
  readonly heapBytes: number;
  readonly indexBytes: number;
  readonly streamsBytes: number;
  /** Index name → bytes. */
  readonly indexes: ReadonlyMap<string, number>;
}

const one = async (db: pg.ClientBase, sql: string): Promise<number> => {
  const { rows } = await db.query<{ v: string | null }>(sql);
  return Number(rows[0]?.v ?? 0);
};

export const ourSize = async (db: pg.ClientBase, table = "ticketfold.events"): Promise<StoreSize> => {
  const { rows } = await db.query<{ name: string; bytes: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_relation_size(i.indexrelid)::text AS bytes
    FROM pg_index i WHERE i.indrelid = '${table}'::regclass ORDER BY 1`,
  );
  return {
    events: await one(db, `SELECT count(*)::text AS v FROM ${table}`),
    eventsBytes: await one(db, `SELECT pg_total_relation_size('${table}')::text AS v`),
    heapBytes: await one(db, `SELECT (pg_table_size('${table}'))::text AS v`),
    indexBytes: await one(db, `SELECT pg_indexes_size('${table}')::text AS v`),
    streamsBytes: await one(db, `SELECT pg_total_relation_size('ticketfold.streams')::text AS v`),
    indexes: new Map(rows.map((r) => [r.name, Number(r.bytes)])),
  };
};

const treeSize = (root: string, f: string) =>
  `SELECT sum(${f}(relid))::text AS v FROM pg_partition_tree('${root}') WHERE isleaf`;

export const emmettSize = async (db: pg.ClientBase): Promise<StoreSize> => ({
  events: await one(db, "SELECT count(*)::text AS v FROM emt_messages"),
  eventsBytes: await one(db, treeSize("emt_messages", "pg_total_relation_size")),
  heapBytes: await one(db, treeSize("emt_messages", "pg_table_size")),
  indexBytes: await one(db, treeSize("emt_messages", "pg_indexes_size")),
  streamsBytes: await one(db, treeSize("emt_streams", "pg_total_relation_size")),
  indexes: new Map(),
});

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Lines: totals and bytes per event, per store; each index of ours. */
export const sizeLines = (ours: StoreSize, theirs: StoreSize | undefined): string[] => {
  const per = (s: StoreSize, bytes: number) => (bytes / Math.max(1, s.events)).toFixed(0);
  const lines = [
    `scale: size ticketfold: ${ours.events.toLocaleString("en")} events, events table ${mb(ours.eventsBytes)} (${per(ours, ours.eventsBytes)} B/event: heap+TOAST ${per(ours, ours.heapBytes)}, indexes ${per(ours, ours.indexBytes)}), streams ${mb(ours.streamsBytes)}`,
    ...[...ours.indexes].map(
      ([name, bytes]) => `scale: size ticketfold index ${name}: ${mb(bytes)} (${per(ours, bytes)} B/event)`,
    ),
  ];
  if (theirs) {
    lines.push(
      `scale: size emmett: ${theirs.events.toLocaleString("en")} events, messages ${mb(theirs.eventsBytes)} (${per(theirs, theirs.eventsBytes)} B/event: heap+TOAST ${per(theirs, theirs.heapBytes)}, indexes ${per(theirs, theirs.indexBytes)}), streams ${mb(theirs.streamsBytes)}; ticketfold/emmett bytes per event ${(ours.eventsBytes / ours.events / (theirs.eventsBytes / theirs.events)).toFixed(2)}×`,
    );
  }
  return lines;
};
