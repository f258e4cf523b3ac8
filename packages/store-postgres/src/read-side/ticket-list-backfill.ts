/**
 * Fills the ticket list of a table set made before the list existed: `ensureReadSide` gives
 * such a set the table, and the runner, which knows the policies, fills it from the set's own
 * snapshots before its first batch (no log replay, no rebuild). It holds the consumer's row
 * lock meanwhile, so no batch of another runner interleaves; in a set the runner wrote, every
 * opened ticket already has its row and the pass finds nothing to do.
 */
import { type PolicyLookup, policyOfTicket, ticketIndexEntry } from "@ticketfold/core";
import { ensureConsumer, readConsumerCheckpoint } from "../consumers.js";
import type { PostgresEventStore } from "../store.js";
import { type SnapshotRow, stateOf } from "./snapshot.js";
import { readSideTables } from "./tables.js";
import { insertTicketListSql, ticketListRowOf } from "./ticket-list-tables.js";

/** Lists every snapshot's ticket that has no list row yet; returns how many it added. */
export const backfillTicketList = (store: PostgresEventStore, version: number, policies: PolicyLookup) =>
  store.driver.transaction(async (tx) => {
    const s = store.schema;
    const t = readSideTables(s, version);
    await ensureConsumer(tx, s, t.consumer, undefined);
    await readConsumerCheckpoint(tx, s, t.consumer, undefined, true);
    const { rows } = await tx.query<SnapshotRow>(
      `SELECT s.tenant, s.ticket_id, s.version, s.shape, s.state FROM ${t.ticketState} s
      WHERE NOT EXISTS (SELECT 1 FROM ${t.tickets} l WHERE l.tenant = s.tenant AND l.ticket_id = s.ticket_id)`,
    );
    const listed: Record<string, unknown>[] = [];
    for (const row of rows) {
      const state = await stateOf(tx, s, row);
      if (state === undefined) continue;
      const policy = policyOfTicket(state, policies);
      if (policy._tag === "Left") throw policy.left;
      const entry = policy.right === null ? null : ticketIndexEntry(state, policy.right);
      if (entry !== null) listed.push(ticketListRowOf(entry));
    }
    if (listed.length > 0) await tx.query(insertTicketListSql(t), [JSON.stringify(listed)]);
    return listed.length;
  });
