/**
 * The PostgreSQL timer table (docs/design/event-store.md#timers): one row per ticket with its next
 * wake-up, written in the append's transaction. Workers claim due rows in ONE statement
 * (`FOR UPDATE SKIP LOCKED` + a lease), so several app instances on one database never hold
 * the same ticket, and a killed worker's tickets come back when `locked_until` passes.
 */
import {
  type ClaimedTimer,
  type ClaimRequest,
  type Instant,
  type TimerQueue,
  validateClaimRequest,
  validateStoreKey,
  validateTenantId,
} from "@ticketfold/core";
import type { SqlDriver, SqlExecutor } from "../driver.js";
import { type DeliveryTables, deliveryTables, fromMs, instantOf, toMs } from "../outbox/tables.js";
import { type StoreSchema, storeSchema } from "../schema.js";

export interface TimerRow {
  readonly tenantId: string;
  readonly ticketId: string;
  readonly dueAt: Instant | null;
  readonly lockedUntil: Instant | null;
  readonly lockedBy: string | null;
}

/** Upserts a ticket's wake-up inside the append's transaction; a lease on the ticket is kept. */
export const scheduleWakeUp = async (
  tx: SqlExecutor,
  t: DeliveryTables,
  tenantId: string,
  ticketId: string,
  dueAt: Instant | null,
): Promise<void> => {
  await tx.query(
    `INSERT INTO ${t.timers} AS tm (tenant, ticket_id, due_at) VALUES ($1, $2, ${fromMs("$3")})
    ON CONFLICT (tenant, ticket_id) DO UPDATE SET due_at = EXCLUDED.due_at, updated_at = now()`,
    [tenantId, ticketId, dueAt],
  );
};

export class PostgresTimers implements TimerQueue {
  readonly #driver: SqlDriver;
  readonly #t: DeliveryTables;

  /** @deprecated Use `createPostgresTimers(driver, schemaName)`; `new` keeps working until 1.0. */
  constructor(driver: SqlDriver, schema: StoreSchema) {
    this.#driver = driver;
    this.#t = deliveryTables(schema);
  }

  async claimDue(request: ClaimRequest): Promise<ClaimedTimer[]> {
    const invalid = validateClaimRequest(request);
    if (invalid) throw invalid;
    const now = fromMs("$1");
    const { rows } = await this.#driver.query<{ tenant: string; ticket_id: string; due_ms: number }>(
      `WITH due AS (
        SELECT tenant, ticket_id FROM ${this.#t.timers}
        WHERE due_at <= ${now} AND (locked_until IS NULL OR locked_until <= ${now})
        ORDER BY due_at LIMIT $4
        FOR UPDATE SKIP LOCKED
      )
      UPDATE ${this.#t.timers} tm SET locked_until = ${fromMs("$1::float8 + $3::float8")}, locked_by = $2
      FROM due WHERE tm.tenant = due.tenant AND tm.ticket_id = due.ticket_id
      RETURNING tm.tenant, tm.ticket_id, ${toMs("tm.due_at")} AS due_ms`,
      [request.now, request.owner, request.leaseMs, request.limit],
    );
    return rows
      .map((r) => ({ tenantId: r.tenant, ticketId: r.ticket_id, dueAt: Number(r.due_ms) }))
      .sort((a, b) => a.dueAt - b.dueAt);
  }

  async release(timer: ClaimedTimer, owner: string, nextDueAt: Instant | null): Promise<void> {
    // An append since the claim wrote a newer wake-up; it wins over the worker's view.
    await this.#driver.query(
      `UPDATE ${this.#t.timers}
      SET due_at = CASE WHEN due_at = ${fromMs("$3")} THEN ${fromMs("$4")} ELSE due_at END,
        locked_until = NULL, locked_by = NULL, updated_at = now()
      WHERE tenant = $1 AND ticket_id = $2 AND locked_by = $5`,
      [timer.tenantId, timer.ticketId, timer.dueAt, nextDueAt, owner],
    );
  }

  /** A ticket's row, if it ever had a wake-up. */
  async get(tenantId: string, ticketId: string): Promise<TimerRow | undefined> {
    const invalid = validateTenantId(tenantId) ?? validateStoreKey(ticketId, "ticketId");
    if (invalid) throw invalid;
    const { rows } = await this.#driver.query<{
      due_ms: number | null;
      locked_until_ms: number | null;
      locked_by: string | null;
    }>(
      `SELECT ${toMs("due_at")} AS due_ms, ${toMs("locked_until")} AS locked_until_ms, locked_by
      FROM ${this.#t.timers} WHERE tenant = $1 AND ticket_id = $2`,
      [tenantId, ticketId],
    );
    const r = rows[0];
    return (
      r && {
        tenantId,
        ticketId,
        dueAt: instantOf(r.due_ms),
        lockedUntil: instantOf(r.locked_until_ms),
        lockedBy: r.locked_by,
      }
    );
  }
}

/** The timer queue (timer workers claim from it) of the store in schema `schema` (default "ticketfold"). */
export const createPostgresTimers = (driver: SqlDriver, schema?: string): PostgresTimers =>
  new PostgresTimers(driver, storeSchema(schema));
