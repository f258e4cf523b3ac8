/**
 * Projection errors: a read model cannot go on without the ticket's policy, and cannot skip an
 * event of a ticket (its state would silently be wrong). They are thrown by runners (so a
 * database batch rolls back with its checkpoint) and returned as values by the in-memory
 * projections. Each has a stable `code`; guards check the code, never `instanceof`.
 */
import { hasCode } from "../shared/codes.js";

export type ProjectionErrorCode = "UNKNOWN_POLICY" | "EVENT_OUT_OF_ORDER";

export class ProjectionError extends Error {
  readonly code: ProjectionErrorCode;
  constructor(code: ProjectionErrorCode, message: string) {
    super(message);
    this.name = "ProjectionError";
    this.code = code;
  }
}

/** The ticket names a policy the projection was not given. */
export class UnknownPolicy extends ProjectionError {
  override readonly code = "UNKNOWN_POLICY" as const;
  constructor(
    readonly tenantId: string,
    readonly ticketId: string,
    readonly policyId: string,
  ) {
    super(
      "UNKNOWN_POLICY",
      `ticket ${tenantId}/${ticketId} is under policy "${policyId}", which this projection was not given; add it to the policy lookup and run the projection again`,
    );
  }
}

/** An event arrived after a gap in its stream (version `got` where `expected` was next). */
export class EventOutOfOrder extends ProjectionError {
  override readonly code = "EVENT_OUT_OF_ORDER" as const;
  constructor(
    readonly tenantId: string,
    readonly ticketId: string,
    readonly expected: number,
    readonly got: number,
  ) {
    super(
      "EVENT_OUT_OF_ORDER",
      `ticket ${tenantId}/${ticketId}: expected event version ${expected} next, got ${got}; feed the projection the whole log in order`,
    );
  }
}

export const isUnknownPolicy = (u: unknown): u is UnknownPolicy => hasCode(u, "UNKNOWN_POLICY");
export const isEventOutOfOrder = (u: unknown): u is EventOutOfOrder => hasCode(u, "EVENT_OUT_OF_ORDER");
