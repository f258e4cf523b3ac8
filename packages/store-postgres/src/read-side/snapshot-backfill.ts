/**
 * Fills a table of a table set made before the table existed: `ensureReadSide` gives such a
 * set the table, and the runner, which knows the policies, fills it from the set's own
 * snapshots before its first batch (no log replay, no rebuild). The pass holds the consumer's
 * row lock, so no batch of another runner interleaves; in a set the runner wrote, every ticket
 * already has its row and the pass finds nothing to do. The ticket list, the report facts and
 * the queue's clock readings are filled so.
 */
import { type CompiledPolicy, type PolicyLookup, policyOfTicket, type TicketState } from "@ticketfold/core";
import { ensureConsumer, readConsumerCheckpoint } from "../consumers.js";
import type { SqlExecutor } from "../driver.js";
import type { PostgresEventStore } from "../store.js";
import { type SnapshotRow, stateOf } from "./snapshot.js";
import { type ReadSideTables, readSideTables } from "./tables.js";

/** What one table's backfill reads and writes. */
export interface SnapshotBackfill<R> {
  /** The table whose missing rows are filled. */
  readonly table: (t: ReadSideTables) => string;
  /** Only tickets in the work queue (the table holds queued tickets only). */
  readonly queuedOnly?: boolean;
  /** A ticket's row (null: it has none), from its state and its policy. */
  readonly rowOf: (tenant: string, ticketId: string, state: TicketState, policy: CompiledPolicy) => R | null;
  /** Writes the rows (at least one); returns how many it wrote. */
  readonly write: (tx: SqlExecutor, t: ReadSideTables, rows: readonly R[]) => Promise<number>;
}

/** Fills `backfill.table` for every snapshot's ticket without a row there; returns how many rows it wrote. */
export const backfillFromSnapshots = <R>(
  store: PostgresEventStore,
  version: number,
  policies: PolicyLookup,
  backfill: SnapshotBackfill<R>,
): Promise<number> =>
  store.driver.transaction(async (tx) => {
    const s = store.schema;
    const t = readSideTables(s, version);
    await ensureConsumer(tx, s, t.consumer, undefined);
    await readConsumerCheckpoint(tx, s, t.consumer, undefined, true);
    const queued = backfill.queuedOnly
      ? `JOIN ${t.workQueue} q ON q.tenant = s.tenant AND q.ticket_id = s.ticket_id`
      : "";
    const { rows } = await tx.query<SnapshotRow>(
      `SELECT s.tenant, s.ticket_id, s.version, s.shape, s.state FROM ${t.ticketState} s ${queued}
      WHERE NOT EXISTS (SELECT 1 FROM ${backfill.table(t)} x WHERE x.tenant = s.tenant AND x.ticket_id = s.ticket_id)`,
    );
    const added: R[] = [];
    for (const row of rows) {
      const state = await stateOf(tx, s, row);
      if (state === undefined) continue;
      const policy = policyOfTicket(state, policies);
      if (policy._tag === "Left") throw policy.left;
      if (policy.right === null) continue;
      const r = backfill.rowOf(row.tenant, row.ticket_id, state, policy.right);
      if (r !== null) added.push(r);
    }
    return added.length === 0 ? 0 : backfill.write(tx, t, added);
  });
