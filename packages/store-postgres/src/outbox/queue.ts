/**
 * The PostgreSQL outbox queue (docs/design/event-store.md#outbox). A claim is ONE statement: pick due,
 * unleased rows `FOR UPDATE SKIP LOCKED` and stamp the lease on them, so concurrent
 * dispatchers (other processes included) never pick the same row, and a dispatcher that dies
 * loses its rows when `locked_until` passes. Settling writes the attempt log and the outcome in
 * one transaction, and only while the dispatcher still holds the lease.
 */
import {
  type ClaimedIntent,
  type ClaimRequest,
  type DeliveryAttempt,
  type NotificationIntent,
  NotificationIntentC,
  type OutboxEntry,
  type OutboxQueue,
  type Settlement,
  storableAttempts,
  storableSettlement,
  validateClaimRequest,
} from "@ticketfold/core";
import type { SqlDriver, SqlExecutor } from "../driver.js";
import { type StoreSchema, storeSchema } from "../schema.js";
import { type DeliveryTables, deliveryTables, fromMs, instantOf, toMs } from "./tables.js";

interface EntryRow {
  readonly intent: string;
  readonly status: OutboxEntry["status"];
  readonly attempts: number;
  readonly channels_done: string[];
  readonly next_attempt_ms: number;
  readonly last_error: string | null;
  readonly locked_by: string | null;
  readonly locked_until_ms: number | null;
}

const ENTRY_COLUMNS = (alias: string) => `${alias}.intent::text AS intent, ${alias}.status, ${alias}.attempts,
  ${alias}.channels_done, ${toMs(`${alias}.next_attempt_at`)} AS next_attempt_ms, ${alias}.last_error,
  ${alias}.locked_by, ${toMs(`${alias}.locked_until`)} AS locked_until_ms`;

/** Decodes a stored intent; a row that no longer decodes is an error naming it. */
const intentOf = (json: string): NotificationIntent => {
  const decoded = NotificationIntentC.decode(JSON.parse(json));
  if (decoded._tag === "Left")
    throw new Error(`outbox row cannot be read as a notification intent: ${json.slice(0, 200)}`);
  return decoded.right;
};

const entryOf = (row: EntryRow): OutboxEntry => ({
  intent: intentOf(row.intent),
  status: row.status,
  attempts: Number(row.attempts),
  channelsDone: row.channels_done,
  nextAttemptAt: Number(row.next_attempt_ms),
  lastError: row.last_error,
  lockedBy: row.locked_by,
  lockedUntil: instantOf(row.locked_until_ms),
});

/** Writes intents inside the append's transaction; an intent id already stored is left alone. */
export const insertIntents = async (
  tx: SqlExecutor,
  t: DeliveryTables,
  intents: readonly NotificationIntent[],
): Promise<void> => {
  if (intents.length === 0) return;
  await tx.query(
    `INSERT INTO ${t.outbox} (intent_id, tenant, ticket_id, event_id, rule, intent, next_attempt_at)
    SELECT n.id, n.tenant, n.ticket, n.event, n.rule, n.intent::jsonb, ${fromMs("n.due")}
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[])
      WITH ORDINALITY AS n(id, tenant, ticket, event, rule, intent, due, ord)
    ORDER BY n.ord
    ON CONFLICT (intent_id) DO NOTHING`,
    [
      intents.map((i) => i.id),
      intents.map((i) => i.tenantId),
      intents.map((i) => i.ticketId),
      intents.map((i) => i.eventId),
      intents.map((i) => i.rule),
      intents.map((i) => JSON.stringify(NotificationIntentC.encode(i))),
      intents.map((i) => i.notBefore ?? i.at),
    ],
  );
};

export class PostgresOutbox implements OutboxQueue {
  readonly #driver: SqlDriver;
  readonly #t: DeliveryTables;

  /** @deprecated Use `createPostgresOutbox(driver, schemaName)`; `new` keeps working until 1.0. */
  constructor(driver: SqlDriver, schema: StoreSchema) {
    this.#driver = driver;
    this.#t = deliveryTables(schema);
  }

  async claim(request: ClaimRequest): Promise<ClaimedIntent[]> {
    const invalid = validateClaimRequest(request);
    if (invalid) throw invalid;
    const now = fromMs("$1");
    const { rows } = await this.#driver.query<EntryRow>(
      `WITH due AS (
        SELECT intent_id FROM ${this.#t.outbox}
        WHERE status = 'pending' AND next_attempt_at <= ${now} AND (locked_until IS NULL OR locked_until <= ${now})
        ORDER BY next_attempt_at, seq LIMIT $4
        FOR UPDATE SKIP LOCKED
      )
      UPDATE ${this.#t.outbox} o SET locked_until = ${fromMs("$1::float8 + $3::float8")}, locked_by = $2
      FROM due WHERE o.intent_id = due.intent_id
      RETURNING ${ENTRY_COLUMNS("o")}`,
      [request.now, request.owner, request.leaseMs, request.limit],
    );
    return rows
      .map(entryOf)
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)
      .map((e) => ({ intent: e.intent, attempts: e.attempts, channelsDone: e.channelsDone }));
  }

  async settle(
    claimed: ClaimedIntent,
    owner: string,
    given: readonly DeliveryAttempt[],
    outcome: Settlement,
  ): Promise<boolean> {
    // A channel's error text with U+0000 would fail the write, and the entry would stay leased.
    const attempts = storableAttempts(given);
    const settlement = storableSettlement(outcome);
    const delivered = attempts.filter((a) => a.outcome === "delivered").map((a) => a.channel);
    return this.#driver.transaction(async (tx) => {
      // The attempts happened whoever holds the entry now: the log keeps them all.
      if (attempts.length > 0) {
        await tx.query(
          `INSERT INTO ${this.#t.attempts} (intent_id, attempt, channel, at, outcome, error, dispatcher)
          SELECT n.intent_id, n.attempt, n.channel, ${fromMs("n.at")}, n.outcome, n.error, $7
          FROM unnest($1::text[], $2::int[], $3::text[], $4::float8[], $5::text[], $6::text[])
            AS n(intent_id, attempt, channel, at, outcome, error)`,
          [
            attempts.map((a) => a.intentId),
            attempts.map((a) => a.attempt),
            attempts.map((a) => a.channel),
            attempts.map((a) => a.at),
            attempts.map((a) => a.outcome),
            attempts.map((a) => a.error ?? null),
            owner,
          ],
        );
      }
      const status = settlement.status === "retry" ? "pending" : settlement.status;
      const result = await tx.query(
        `UPDATE ${this.#t.outbox} SET status = $3, attempts = attempts + 1,
          channels_done = channels_done || ARRAY(SELECT c FROM unnest($4::text[]) c WHERE NOT c = ANY(channels_done)),
          next_attempt_at = coalesce(${fromMs("$5")}, next_attempt_at), last_error = $6,
          locked_until = NULL, locked_by = NULL, settled_at = CASE WHEN $3 = 'pending' THEN NULL ELSE now() END
        WHERE intent_id = $1 AND locked_by = $2 AND status = 'pending'`,
        [
          claimed.intent.id,
          owner,
          status,
          delivered,
          settlement.status === "retry" ? settlement.retryAt : null,
          settlement.status === "delivered" ? null : settlement.error,
        ],
      );
      return result.affectedRows > 0;
    });
  }

  /** Entries in the order they were written, optionally of one status or one ticket. */
  async entries(filter: { readonly status?: OutboxEntry["status"]; readonly ticketId?: string } = {}) {
    const { rows } = await this.#driver.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS("o")} FROM ${this.#t.outbox} o
      WHERE ($1::text IS NULL OR o.status = $1) AND ($2::text IS NULL OR o.ticket_id = $2) ORDER BY o.seq`,
      [filter.status ?? null, filter.ticketId ?? null],
    );
    return rows.map(entryOf);
  }

  /** The attempt log, optionally for one intent, oldest first. */
  async attempts(intentId?: string): Promise<DeliveryAttempt[]> {
    const { rows } = await this.#driver.query<{
      intent_id: string;
      attempt: number;
      channel: string;
      at_ms: number;
      outcome: DeliveryAttempt["outcome"];
      error: string | null;
    }>(
      `SELECT intent_id, attempt, channel, ${toMs("at")} AS at_ms, outcome, error FROM ${this.#t.attempts}
      WHERE $1::text IS NULL OR intent_id = $1 ORDER BY id`,
      [intentId ?? null],
    );
    return rows.map((r) => ({
      intentId: r.intent_id,
      attempt: Number(r.attempt),
      channel: r.channel,
      at: Number(r.at_ms),
      outcome: r.outcome,
      ...(r.error === null ? {} : { error: r.error }),
    }));
  }
}

/** The outbox queue (dispatchers claim from it) of the store in schema `schema` (default "ticketfold"). */
export const createPostgresOutbox = (driver: SqlDriver, schema?: string): PostgresOutbox =>
  new PostgresOutbox(driver, storeSchema(schema));
