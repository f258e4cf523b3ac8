/**
 * Domain errors are values: each has a stable `code`, the fields a caller needs to react, and
 * a `message` a person understands (what was wrong, what was expected).
 */
import type { DecodeIssue } from "../shared/decode.js";
import { formatInstant, type Instant } from "../shared/instant.js";
import type { Relationship } from "./relationships.js";
import type { Action, ActorKind, StatusOrNone } from "./transitions.js";

export type DomainError =
  | { readonly code: "TICKET_NOT_FOUND"; readonly ticketId: string; readonly message: string }
  | { readonly code: "TICKET_ALREADY_EXISTS"; readonly ticketId: string; readonly message: string }
  | {
      readonly code: "ILLEGAL_TRANSITION";
      readonly action: Action;
      readonly status: StatusOrNone;
      readonly allowedFrom: readonly StatusOrNone[];
      readonly message: string;
    }
  | {
      readonly code: "NOT_PERMITTED";
      /** What was refused. */
      readonly action: Action | "internal-comment";
      readonly ticketId: string;
      /** Who: the actor's kind and id, and how they stand to the ticket. */
      readonly actor: ActorKind;
      readonly actorId: string;
      readonly relationships: readonly Relationship[];
      /** Who may: by relationship, and the actor kinds among them. */
      readonly permitted: readonly Relationship[];
      readonly allowed: readonly ActorKind[];
      /** Why, in a sentence (the rule that refused). */
      readonly reason: string;
      readonly message: string;
    }
  | {
      readonly code: "REOPEN_WINDOW_EXPIRED";
      readonly closedAt: Instant;
      readonly windowEndedAt: Instant | null;
      readonly message: string;
    }
  | {
      readonly code: "UNKNOWN_PRIORITY";
      readonly priority: string;
      readonly allowed: readonly string[];
      readonly message: string;
    }
  | { readonly code: "MISSING_FIELD"; readonly field: string; readonly message: string }
  | {
      readonly code: "APPROVAL_REQUIRED";
      readonly approval: "pending" | "rejected";
      readonly action: Action;
      readonly message: string;
    }
  | { readonly code: "NOT_A_CHANGE_REQUEST"; readonly message: string }
  | { readonly code: "INVALID_VALUE"; readonly field: string; readonly message: string }
  | { readonly code: "WRONG_TICKET"; readonly expected: string; readonly got: string; readonly message: string }
  | {
      readonly code: "ESCALATION_NOT_YET_POSSIBLE";
      readonly possibleAt: Instant | null;
      readonly level: number;
      readonly message: string;
    }
  | {
      /** A working session outside the engineers' hours (`workflow.sessions.calendar`). */
      readonly code: "SESSION_NOT_BOOKABLE";
      readonly start: Instant;
      readonly end: Instant;
      /** The first open instant at or after `start`, where a booking could begin. */
      readonly nextOpen: Instant;
      readonly message: string;
    }
  | {
      /**
       * A working session over another session of the ticket, or over a session its engineer
       * has on another ticket of the tenant (`conflictsWith.ticketId` names that ticket).
       */
      readonly code: "SESSION_CONFLICT";
      readonly start: Instant;
      readonly end: Instant;
      readonly conflictsWith: { readonly start: Instant; readonly end: Instant; readonly ticketId?: string };
      /** The engineer both sessions are booked with (a conflict across tickets). */
      readonly engineer?: string;
      readonly message: string;
    }
  | {
      readonly code: "ATTACHMENT_LIMIT_EXCEEDED";
      /** Which limit: the number of files, their total size, one file's size, or its type. */
      readonly limit: "files" | "total-bytes" | "file-bytes" | "type";
      /** What the policy allows: a number, or the media types. */
      readonly allowed: number | readonly string[];
      /** What the message had: the count, the bytes, or the file's type. */
      readonly actual: number | string;
      /** The file that crossed the line (absent for the count). */
      readonly file?: string;
      readonly message: string;
    }
  | {
      readonly code: "NO_VALID_CONTRACT";
      /** The contract the ticket named, if any. */
      readonly contractId: string | null;
      readonly organisation: string | null;
      /** The instant judged, and the contracts of this customer that exist but are not valid then. */
      readonly at: Instant;
      readonly expired: readonly {
        readonly id: string;
        readonly validFrom: string | null;
        readonly validTo: string | null;
      }[];
      readonly message: string;
    }
  | { readonly code: "POLICY_MISMATCH"; readonly expected: string; readonly got: string; readonly message: string }
  | {
      /** The resolution cycle was rated already: a rating is one answer, never silently replaced. */
      readonly code: "FEEDBACK_ALREADY_GIVEN";
      readonly cycle: number;
      readonly rating: string;
      readonly givenAt: Instant;
      readonly message: string;
    }
  | { readonly code: "INVALID_COMMAND"; readonly issues: readonly DecodeIssue[]; readonly message: string };

export type DomainErrorCode = DomainError["code"];

/** The refusal of an actor who may not do what they asked. */
export type NotPermitted = Extract<DomainError, { readonly code: "NOT_PERMITTED" }>;

const CODES: ReadonlySet<string> = new Set<DomainErrorCode>([
  "TICKET_NOT_FOUND",
  "TICKET_ALREADY_EXISTS",
  "ILLEGAL_TRANSITION",
  "NOT_PERMITTED",
  "REOPEN_WINDOW_EXPIRED",
  "UNKNOWN_PRIORITY",
  "MISSING_FIELD",
  "APPROVAL_REQUIRED",
  "NOT_A_CHANGE_REQUEST",
  "INVALID_VALUE",
  "WRONG_TICKET",
  "ESCALATION_NOT_YET_POSSIBLE",
  "POLICY_MISMATCH",
  "INVALID_COMMAND",
  "FEEDBACK_ALREADY_GIVEN",
  "ATTACHMENT_LIMIT_EXCEEDED",
  "NO_VALID_CONTRACT",
]);

/** Guard by code (never `instanceof`: ESM and CJS builds may both be loaded). */
export const isDomainError = (u: unknown): u is DomainError =>
  typeof u === "object" && u !== null && CODES.has((u as { code?: string }).code ?? "");

export const illegalTransition = (
  action: Action,
  status: StatusOrNone,
  allowedFrom: readonly StatusOrNone[],
): DomainError =>
  status === "none"
    ? {
        code: "ILLEGAL_TRANSITION",
        action,
        status,
        allowedFrom,
        message: `cannot ${action}: the ticket has not been opened`,
      }
    : {
        code: "ILLEGAL_TRANSITION",
        action,
        status,
        allowedFrom,
        message: `cannot ${action} a ticket that is ${status}; allowed when ${allowedFrom.join(", ")}`,
      };

export const reopenWindowExpired = (closedAt: Instant, windowEndedAt: Instant | null): DomainError => ({
  code: "REOPEN_WINDOW_EXPIRED",
  closedAt,
  windowEndedAt,
  message:
    windowEndedAt === null
      ? `the ticket was closed at ${formatInstant(closedAt)} and this policy never reopens closed tickets; open a new ticket`
      : `the ticket was closed at ${formatInstant(closedAt)}; it could be reopened until ${formatInstant(windowEndedAt)}; open a new ticket`,
});
