/**
 * Event rows ⇄ RecordedEvent. Every read selects the same columns, with the 64-bit numbers
 * as text (so neither driver rounds them), jsonb as text, and the recording instant as epoch milliseconds.
 * JSON is stored as jsonb; an absent value (undefined) is SQL NULL and reads back absent.
 */
import type { RecordedEvent } from "@ticketfold/core";
import { encodeCheckpoint } from "./checkpoint.js";

export const EVENT_COLUMNS = `e.transaction_id::text AS transaction_id, e.global_position::text AS global_position,
  e.tenant, e.stream_id, e.version, e.event_id, e.type, e.schema_version, e.data::text AS data,
  e.metadata::text AS metadata,
  floor(extract(epoch FROM e.recorded_at) * 1000)::float8 AS recorded_ms`;

export interface EventRow {
  readonly transaction_id: string;
  readonly global_position: string;
  readonly tenant: string;
  readonly stream_id: string;
  readonly version: number;
  readonly event_id: string;
  readonly type: string;
  readonly schema_version: number;
  readonly data: string | null;
  readonly metadata: string | null;
  readonly recorded_ms: number;
}

/** jsonb text for a value, or null (SQL NULL) when it is undefined. */
export const toJsonb = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** SQL NULL reads back as absent, JSON null as null (jsonb is read as text to tell them apart). */
const fromJsonb = (text: string | null): unknown => (text === null ? undefined : JSON.parse(text));

export const toRecorded = (row: EventRow): RecordedEvent => ({
  eventId: row.event_id,
  tenantId: row.tenant,
  streamId: row.stream_id,
  version: Number(row.version),
  type: row.type,
  schemaVersion: Number(row.schema_version),
  data: fromJsonb(row.data),
  metadata: fromJsonb(row.metadata),
  position: encodeCheckpoint({ transactionId: row.transaction_id, globalPosition: row.global_position }),
  recordedAt: Number(row.recorded_ms),
});
