/**
 * Reading one stream. The stream row and its events come from ONE statement, so the version
 * reported and the events returned belong to the same snapshot even while writers append.
 * Rows are returned raw: decoding (and reporting a corrupt row as CorruptEvent naming tenant,
 * stream and version) is the ticket layer's job (core `loadTicket`). The statement is named
 * (prepared once per server connection).
 */
import { MAX_STREAM_VERSION, type StreamRead } from "@ticketfold/core";
import { namedStatements, type SqlExecutor } from "./driver.js";
import { EVENT_COLUMNS, type EventRow, toRecorded } from "./rows.js";
import { openedWith, type StoreSchema } from "./schema.js";

/** A LEFT JOIN row: the event columns are NULL when the stream has no events to return. */
interface JoinedRow extends Omit<EventRow, "event_id"> {
  readonly stream_version: number;
  readonly event_id: string | null;
}

const named = namedStatements("ticketfold_read_stream");

const readStreamSql = (s: StoreSchema): string => `SELECT st.version AS stream_version, ${EVENT_COLUMNS}
    FROM ${s.streams} st
    LEFT JOIN ${s.events} e ON e.tenant = st.tenant AND e.stream_id = st.stream_id AND e.version >= $3
    WHERE st.tenant = $1 AND st.stream_id = $2
    ORDER BY e.version`;

export const readStreamWith = async (
  db: SqlExecutor,
  s: StoreSchema,
  tenantId: string,
  streamId: string,
  fromVersion = 1,
): Promise<StreamRead> => {
  const sql = readStreamSql(s);
  // Versions are `integer`: a whole number beyond its range reads as "past every event".
  const beyond = fromVersion > MAX_STREAM_VERSION;
  const from = Math.max(1, Math.min(fromVersion, MAX_STREAM_VERSION));
  const { rows } = await db.query<JoinedRow>(sql, [tenantId, streamId, from], named(sql));
  const first = rows[0];
  if (!first) return { exists: false, version: 0, events: [] };
  const events = await openedWith(
    db,
    s,
    rows.flatMap((r) => (r.event_id === null || beyond ? [] : [toRecorded({ ...r, event_id: r.event_id })])),
  );
  return { exists: true, version: Number(first.stream_version), events };
};

export const streamExistsWith = async (
  db: SqlExecutor,
  s: StoreSchema,
  tenantId: string,
  streamId: string,
): Promise<boolean> => {
  const { rows } = await db.query(`SELECT 1 FROM ${s.streams} WHERE tenant = $1 AND stream_id = $2`, [
    tenantId,
    streamId,
  ]);
  return rows.length > 0;
};
