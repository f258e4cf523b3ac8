/**
 * The delivery tables next to the event tables, in the store's schema: the outbox (one row per
 * notification intent, keyed by intent id), its attempt log, and the timer table (one row per
 * ticket: its next wake-up). Instants cross the wire as epoch milliseconds and are converted
 * with exact interval arithmetic, so a wake-up read back compares equal to the one written.
 */
import type { StoreSchema } from "../schema.js";

export interface DeliveryTables {
  readonly outbox: string;
  readonly attempts: string;
  readonly timers: string;
}

export const deliveryTables = (s: StoreSchema): DeliveryTables => {
  const q = `"${s.name}"`;
  return { outbox: `${q}.outbox`, attempts: `${q}.outbox_attempts`, timers: `${q}.timers` };
};

/** SQL turning an epoch-milliseconds expression into a timestamptz (NULL stays NULL). */
export const fromMs = (expr: string): string => `(timestamptz 'epoch' + (${expr})::float8 * interval '1 millisecond')`;

/** SQL reading a timestamptz column back as epoch milliseconds (a float8 holds them exactly). */
export const toMs = (column: string): string => `(extract(epoch FROM ${column}) * 1000)::float8`;

/** A nullable float8 from the database as an instant. */
export const instantOf = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
