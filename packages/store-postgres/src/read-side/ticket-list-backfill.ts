/**
 * Fills the ticket list of a table set made before the list existed, from the set's own
 * snapshots (snapshot-backfill.ts).
 */
import { type PolicyLookup, ticketIndexEntry } from "@ticketfold/core";
import type { PostgresEventStore } from "../store.js";
import { backfillFromSnapshots } from "./snapshot-backfill.js";
import { insertTicketListSql, ticketListRowOf } from "./ticket-list-tables.js";

/** Lists every snapshot's ticket that has no list row yet; returns how many it added. */
export const backfillTicketList = (store: PostgresEventStore, version: number, policies: PolicyLookup) =>
  backfillFromSnapshots(store, version, policies, {
    table: (t) => t.tickets,
    rowOf: (_tenant, _ticketId, state, policy) => {
      const entry = ticketIndexEntry(state, policy);
      return entry === null ? null : ticketListRowOf(entry);
    },
    write: async (tx, t, rows) => {
      await tx.query(insertTicketListSql(t), [JSON.stringify(rows)]);
      return rows.length;
    },
  });
