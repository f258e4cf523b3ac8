/**
 * The read side's snapshot of each ticket: the core's `TicketState` as JSONB, which the next
 * events of the log are folded onto. The JSON is the state's in-memory shape, so a change to
 * `TicketState` (a field added, removed or retyped) changes what is stored. Every snapshot
 * therefore carries the shape version it was written with, `TICKET_STATE_SHAPE`; a snapshot of
 * another shape (older, newer, or from before shapes were recorded: 0) is never folded onto:
 * the ticket's state is rebuilt from its events in the log, up to the snapshot's version, and
 * stored again in the current shape. So a shape change is a visible version bump, and existing
 * table sets migrate themselves ticket by ticket as their tickets move (or all at once by a
 * rebuild). snapshot-shape.test.ts pins the shape, so a change to `TicketState` fails it until
 * the version is bumped.
 */
import { type RecordedEvent, stepTicket, type TicketState } from "@ticketfold/core";
import type { SqlExecutor } from "../driver.js";
import { readStreamWith } from "../read-stream.js";
import type { StoreSchema } from "../schema.js";
import type { ReadSideTables } from "./tables.js";

/** The shape version of stored `TicketState` snapshots. Bump it with every change to `TicketState`. */
export const TICKET_STATE_SHAPE = 3;
// Shapes: 1 — TicketState with the SLA clock log (`clock`, `clockPriorities`) as fields;
// 2 — without them (the core holds the log privately and rebuilds it from the histories);
// 3 — with `ratings` and `timeEntries` (the reports' CSAT and billable time) and `groupHistory`
//     (each hand-over to a group, for OLA clocks): both landed in one unreleased version.

/** Adds the shape column to a table set made before snapshots recorded it (idempotent). */
export const snapshotShapeDdl = (t: ReadSideTables): string =>
  `ALTER TABLE ${t.ticketState} ADD COLUMN IF NOT EXISTS shape integer NOT NULL DEFAULT 0`;

/** A stored snapshot as loaded for a batch. */
export interface SnapshotRow {
  readonly tenant: string;
  readonly ticket_id: string;
  readonly version: number;
  readonly shape: number;
  readonly state: TicketState;
}

/** The ticket's state after its first `version` events, folded from the log. */
const rebuild = async (tx: SqlExecutor, s: StoreSchema, row: SnapshotRow): Promise<TicketState | undefined> => {
  const { events } = await readStreamWith(tx, s, row.tenant, row.ticket_id);
  let state: TicketState | undefined;
  for (const e of events as RecordedEvent[]) {
    if (e.version > Number(row.version)) break;
    const step = stepTicket(state, e);
    if (step._tag === "Left") throw step.left;
    if (step.right !== null) state = step.right.after;
  }
  return state;
};

/** The state to fold the next events onto: the snapshot itself, or rebuilt when its shape is not current. */
export const stateOf = (tx: SqlExecutor, s: StoreSchema, row: SnapshotRow): Promise<TicketState | undefined> =>
  Number(row.shape) === TICKET_STATE_SHAPE ? Promise.resolve(row.state) : rebuild(tx, s, row);
