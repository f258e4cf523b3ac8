/**
 * Who may do what to a ticket, as data: for each command, the relationships to the ticket
 * (ticket/relationships.ts) whose actors may issue it. `defaultAuthorize` (authorize.ts) reads
 * this table; an app that wants other rules passes its own table to `authorizeBy`, or spreads
 * this one and changes rows. The kinds in the transition table's `by` column are the kinds of
 * these relationships (a test holds the two together).
 *
 * The policies' word on it: change requests are approved by the customer's point of contact
 * (P-B); feedback is the requester's (P-A); customers comment, reopen and escalate their own
 * organisation's tickets (P-C, P-D); time-driven work is the system's.
 */
import type { TicketCommandType } from "../ticket/commands.js";
import type { Relationship } from "../ticket/relationships.js";

/** What a permission is asked for: a command type, or an internal note (a `comment` marked internal). */
export type PermissionAction = TicketCommandType | "internal-comment";

export type Permissions = Readonly<Record<PermissionAction, readonly Relationship[]>>;

const customer: readonly Relationship[] = ["requester", "point-of-contact", "organisation-member"];
const anyone: readonly Relationship[] = [...customer, "other-customer", "agent", "system"];
const staff: readonly Relationship[] = ["agent", "system"];

export const defaultPermissions = {
  // Nobody stands in a relation to a ticket that does not exist yet.
  open: anyone,
  accept: staff,
  "await-customer": staff,
  resolve: staff,
  reopen: [...customer, "agent"],
  // A colleague may write on the ticket, not withdraw it.
  close: ["requester", "point-of-contact", "agent", "system"],
  comment: [...customer, "agent", "system"],
  "internal-comment": staff,
  "change-policy": staff,
  "change-priority": staff,
  assign: staff,
  "share-plan": staff,
  "request-escalation": ["requester", "point-of-contact", "agent"],
  "give-feedback": ["requester"],
  "log-time": ["agent"],
  "correct-time": ["agent"],
  "approve-change": ["point-of-contact"],
  "reject-change": ["point-of-contact"],
  "schedule-session": ["agent"],
  "record-sla-warning": ["system"],
  "record-sla-breach": ["system"],
  "record-escalation-level": ["system"],
  "record-ola-breach": ["system"],
} as const satisfies Permissions;
