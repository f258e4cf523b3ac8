/**
 * Feeding recorded events to per-ticket states: decode (fromRecorded), check the stream
 * version, fold. Shared by the in-memory projections and the PostgreSQL runner, so both see a
 * ticket exactly the same way. Delivery is at least once: an event whose version is already
 * folded is a duplicate and is skipped; a gap in versions is an error (the state would be wrong).
 */
import * as E from "fp-ts/lib/Either.js";
import type { CompiledPolicy } from "../policy/compiled.js";
import type { CorruptEvent } from "../store/errors.js";
import { fromRecorded } from "../store/records.js";
import type { RecordedEvent } from "../store/types.js";
import type { TicketEvent } from "../ticket/events.js";
import { evolve } from "../ticket/evolve.js";
import { initialState, type TicketState } from "../ticket/state.js";
import { EventOutOfOrder, UnknownPolicy } from "./errors.js";

/**
 * Finds the compiled policy a ticket names (a ticket may change policy during its life): with
 * `version`, the version the ticket is pinned to (policy/resolver.ts), which a lookup that keeps
 * several versions must honour; absent for tickets opened before versions were recorded.
 */
export type PolicyLookup = (policyId: string, version?: number) => CompiledPolicy | undefined;

/** One event applied to a ticket: the state before and after it. */
export interface TicketStep {
  readonly event: TicketEvent;
  readonly before: TicketState;
  readonly after: TicketState;
}

/** The key of a ticket across tenants (tenant ids never contain `/`). */
export const ticketKey = (tenant: string, ticketId: string): string => `${tenant}/${ticketId}`;

/**
 * Applies one recorded event to the ticket's state (undefined = not seen yet): the step, null
 * for a duplicate, or the error (a corrupt event, or a gap in the stream's versions).
 */
export const stepTicket = (
  state: TicketState | undefined,
  recorded: RecordedEvent,
): E.Either<CorruptEvent | EventOutOfOrder, TicketStep | null> => {
  const before = state ?? initialState;
  if (recorded.version <= before.version) return E.right(null);
  if (recorded.version !== before.version + 1) {
    return E.left(new EventOutOfOrder(recorded.tenantId, recorded.streamId, before.version + 1, recorded.version));
  }
  const decoded = fromRecorded(recorded);
  if (E.isLeft(decoded)) return decoded;
  return E.right({ event: decoded.right, before, after: evolve(before, decoded.right) });
};

/** The compiled policy of an opened ticket, or UnknownPolicy; null before the ticket is opened. */
export const policyOfTicket = (
  state: TicketState,
  policies: PolicyLookup,
): E.Either<UnknownPolicy, CompiledPolicy | null> => {
  if (state.policyId === null) return E.right(null);
  // The version the ticket is pinned to (a lookup that keeps one version may ignore it).
  const found = policies(state.policyId, state.policyVersion ?? undefined);
  return found === undefined
    ? E.left(new UnknownPolicy(state.tenantId ?? "", state.ticketId ?? "", state.policyId))
    : E.right(found);
};
