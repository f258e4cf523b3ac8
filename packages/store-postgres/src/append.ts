/**
 * One append = one transaction, with no table-wide lock:
 * 1. claim the stream row for the expected version (an UPDATE … WHERE version = expected, or an
 *    INSERT of a new stream that backs off when another writer created it first); no row back
 *    means a concurrency conflict, reported with the actual version;
 * 2. insert ALL the events in ONE statement (unnest of parallel arrays), numbered from the
 *    claimed version. Concurrent writers of one stream queue on its row lock; writers of
 *    different streams never wait for each other.
 */
import {
  type AppendResult,
  ConcurrencyConflict,
  checkExpectedVersion,
  type ExpectedVersion,
  InvalidAppend,
  type NewEvent,
} from "@ticketfold/core";
import { isSqlState, type SqlExecutor } from "./driver.js";
import { EVENT_COLUMNS, type EventRow, toJsonb, toRecorded } from "./rows.js";
import type { StoreSchema } from "./schema.js";

export interface AppendInput {
  readonly tenantId: string;
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedVersion: ExpectedVersion;
  readonly eventIds: readonly string[];
  /** Recording instant (epoch ms); the database clock when absent. */
  readonly recordedAt?: number;
}

/** The statement that moves the stream row forward by `count`, per expected-version mode. */
const claimStream = (s: StoreSchema, expected: ExpectedVersion): string => {
  if (expected === "any") {
    return `INSERT INTO ${s.streams} AS st (tenant, stream_id, version) VALUES ($1, $2, $3)
      ON CONFLICT (tenant, stream_id) DO UPDATE SET version = st.version + EXCLUDED.version, updated_at = now()
      RETURNING st.version`;
  }
  if (expected === "no_stream" || expected === 0) {
    // A racing creator makes this insert wait, then do nothing: 0 rows ⇒ conflict.
    return `INSERT INTO ${s.streams} (tenant, stream_id, version) VALUES ($1, $2, $3)
      ON CONFLICT (tenant, stream_id) DO NOTHING RETURNING version`;
  }
  const guard = expected === "stream_exists" ? "" : " AND version = $4";
  return `UPDATE ${s.streams} SET version = version + $3, updated_at = now()
    WHERE tenant = $1 AND stream_id = $2${guard} RETURNING version`;
};

const conflict = async (tx: SqlExecutor, s: StoreSchema, input: AppendInput): Promise<ConcurrencyConflict> => {
  const { rows } = await tx.query<{ version: number }>(
    `SELECT version FROM ${s.streams} WHERE tenant = $1 AND stream_id = $2`,
    [input.tenantId, input.streamId],
  );
  const actual = Number(rows[0]?.version ?? 0);
  return (
    checkExpectedVersion(input.tenantId, input.streamId, input.expectedVersion, actual) ??
    new ConcurrencyConflict(input.tenantId, input.streamId, input.expectedVersion, actual)
  );
};

const insertEvents = (s: StoreSchema): string =>
  `INSERT INTO ${s.events} AS e (tenant, stream_id, version, event_id, type, schema_version, data, metadata, recorded_at)
  SELECT $1, $2, $3 + n.ord, n.event_id, n.type, n.schema_version, n.data::jsonb, n.metadata::jsonb,
    coalesce(to_timestamp($9::float8 / 1000), now())
  FROM unnest($4::text[], $5::text[], $6::int[], $7::text[], $8::text[])
    WITH ORDINALITY AS n(event_id, type, schema_version, data, metadata, ord)
  RETURNING ${EVENT_COLUMNS}`;

const duplicateId = (error: unknown): InvalidAppend | undefined => {
  if (!isSqlState(error, "23505") || !(error.constraint ?? "").includes("event_id")) return undefined;
  const id = /\(event_id\)=\((.*)\)/.exec(error.detail ?? "")?.[1];
  return new InvalidAppend(`event id ${id ?? "(one of the batch)"} is already stored`);
};

/** Runs the append inside `tx`; throws ConcurrencyConflict or InvalidAppend as values with codes. */
export const appendInTransaction = async (
  tx: SqlExecutor,
  s: StoreSchema,
  input: AppendInput,
): Promise<AppendResult> => {
  const count = input.events.length;
  const expected = input.expectedVersion;
  const params: unknown[] = [input.tenantId, input.streamId, count];
  if (typeof expected === "number" && expected > 0) params.push(expected);
  const claimed = await tx.query<{ version: number }>(claimStream(s, expected), params);
  const row = claimed.rows[0];
  if (!row) throw await conflict(tx, s, input);
  const start = Number(row.version) - count;
  try {
    const inserted = await tx.query<EventRow>(insertEvents(s), [
      input.tenantId,
      input.streamId,
      start,
      input.eventIds,
      input.events.map((e) => e.type),
      input.events.map((e) => e.schemaVersion),
      input.events.map((e) => toJsonb(e.data)),
      input.events.map((e) => toJsonb(e.metadata)),
      input.recordedAt ?? null,
    ]);
    const events = inserted.rows.map(toRecorded).sort((a, b) => a.version - b.version);
    return { nextVersion: start + count, events };
  } catch (error) {
    throw duplicateId(error) ?? error;
  }
};
