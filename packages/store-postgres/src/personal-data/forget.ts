/**
 * Forgetting a data subject on PostgreSQL, beyond deleting its key: the store's own copies of its
 * personal values in plain text are purged in one transaction. Those are the outbox's notices of
 * the subject's tickets (template values and the requester's address, core `erasedIntent`; a
 * pending notice for the requester alone becomes a dead letter, never sent) and the error texts
 * of their delivery attempts. The read side's copies are purged by `purgeReadSide` (it needs the policies).
 */
import { ERASED, erasedIntent, isForSubjectOnly, NotificationIntentC, type RecordedEvent } from "@ticketfold/core";
import type { SqlExecutor } from "../driver.js";
import { deliveryTables } from "../outbox/tables.js";
import { EVENT_COLUMNS, type EventRow, toRecorded } from "../rows.js";
import type { StoreSchema } from "../schema.js";

/** The dead-letter reason of a notice whose only recipient was forgotten. */
export const FORGOTTEN = "not sent: its recipient was forgotten (GDPR erasure)";

/** The tenant's streams (tickets) whose events name the subject (`metadata.subject` or an opened requester). */
export const streamsOfSubjectWith = async (
  db: SqlExecutor,
  s: StoreSchema,
  tenantId: string,
  subject: string,
): Promise<string[]> => {
  const { rows } = await db.query<{ stream_id: string }>(
    `SELECT DISTINCT stream_id FROM ${s.events} WHERE tenant = $1
      AND (metadata->>'subject' = $2 OR (type = 'opened' AND data->'requester'->>'id' = $2))
    ORDER BY stream_id`,
    [tenantId, subject],
  );
  return rows.map((r) => r.stream_id);
};

/** The stored (sealed) events of these streams, in stream order. */
export const eventsOfStreamsWith = async (
  db: SqlExecutor,
  s: StoreSchema,
  tenantId: string,
  streamIds: readonly string[],
): Promise<RecordedEvent[]> => {
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ${s.events} e WHERE e.tenant = $1 AND e.stream_id = ANY($2::text[])
    ORDER BY e.stream_id, e.version`,
    [tenantId, [...streamIds]],
  );
  return rows.map(toRecorded);
};

interface NoticeRow {
  readonly intent_id: string;
  readonly intent: string;
  readonly status: string;
}

/** Purges the subject's values from the notices of its tickets and their attempts' errors. */
export const purgeOutboxWith = async (
  tx: SqlExecutor,
  s: StoreSchema,
  tenantId: string,
  ticketIds: readonly string[],
  subject: string,
): Promise<void> => {
  const t = deliveryTables(s);
  const { rows } = await tx.query<NoticeRow>(
    `SELECT intent_id, intent::text AS intent, status FROM ${t.outbox}
    WHERE tenant = $1 AND ticket_id = ANY($2::text[]) FOR UPDATE`,
    [tenantId, [...ticketIds]],
  );
  for (const row of rows) {
    const decoded = NotificationIntentC.decode(JSON.parse(row.intent));
    // A notice that no longer decodes cannot be told apart: its whole content goes.
    const erased = decoded._tag === "Right" ? NotificationIntentC.encode(erasedIntent(decoded.right, subject)) : {};
    const stop = row.status === "pending" && (decoded._tag === "Left" || isForSubjectOnly(decoded.right));
    await tx.query(
      `UPDATE ${t.outbox} SET intent = $2::jsonb,
        status = CASE WHEN $3 THEN 'dead' ELSE status END,
        last_error = CASE WHEN $3 THEN $4 WHEN last_error IS NULL THEN NULL ELSE $5 END,
        locked_by = CASE WHEN $3 THEN NULL ELSE locked_by END,
        locked_until = CASE WHEN $3 THEN NULL ELSE locked_until END,
        settled_at = CASE WHEN $3 THEN now() ELSE settled_at END
      WHERE intent_id = $1`,
      [row.intent_id, JSON.stringify(erased), stop, FORGOTTEN, ERASED],
    );
  }
  await tx.query(`UPDATE ${t.attempts} SET error = $2 WHERE intent_id = ANY($1::text[]) AND error IS NOT NULL`, [
    rows.map((r) => r.intent_id),
    ERASED,
  ]);
};
