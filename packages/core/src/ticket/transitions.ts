/**
 * The ticket lifecycle as data: which status each action moves a ticket to, from which
 * statuses, and which kinds of actor may do it. `decide` consults only this table for
 * legality, and docs/concepts.md prints it (a test keeps the two equal). Which actors of a
 * kind may — the ticket's own requester, its organisation's point of contact — is
 * authorisation's table (decide/permissions.ts), whose kinds are this table's `by`.
 *
 *   new → open → awaiting-customer ⇄ open → resolved → closed
 *   reopen from resolved, and from closed within the policy's reopen window.
 */
import type { TicketCommandType } from "./commands.js";

export const statuses = ["new", "open", "awaiting-customer", "resolved", "closed"] as const;
export type Status = (typeof statuses)[number];
/** `none` is the status of a ticket that has not been opened. */
export type StatusOrNone = Status | "none";

export type ActorKind = "requester" | "agent" | "system";

export interface Rule {
  /** Statuses in which the command is accepted. */
  readonly from: readonly StatusOrNone[];
  /** The status it moves the ticket to; absent = status unchanged. */
  readonly to?: Status;
  /** Which kinds of actor may issue it (decide/permissions.ts says which of them). */
  readonly by: readonly ActorKind[];
}

const live = ["new", "open", "awaiting-customer"] as const;
const anyone: readonly ActorKind[] = ["requester", "agent", "system"];
const staff: readonly ActorKind[] = ["agent", "system"];

/**
 * The whole table. A customer comment is special: while awaiting the customer it returns the
 * ticket to open (`customer-replied`), on a resolved ticket it reopens it, on a closed one it
 * reopens it only within the reopen window; `decide` applies those through the `reopen` and
 * `customer-reply` rows below.
 */
export const transitionTable = {
  open: { from: ["none"], to: "new", by: anyone },
  accept: { from: ["new"], to: "open", by: staff },
  "await-customer": { from: ["new", "open"], to: "awaiting-customer", by: staff },
  "customer-reply": { from: ["awaiting-customer"], to: "open", by: ["requester"] },
  resolve: { from: live, to: "resolved", by: staff },
  reopen: { from: ["resolved", "closed"], to: "open", by: ["requester", "agent"] },
  close: { from: [...live, "resolved"], to: "closed", by: anyone },
  comment: { from: [...live, "resolved", "closed"], by: anyone },
  "change-policy": { from: live, by: staff },
  "change-priority": { from: live, by: staff },
  assign: { from: [...live, "resolved"], by: staff },
  "share-plan": { from: live, by: staff },
  "request-escalation": { from: live, by: ["requester", "agent"] },
  "give-feedback": { from: ["resolved", "closed"], by: ["requester"] },
  "log-time": { from: [...live, "resolved", "closed"], by: ["agent"] },
  "correct-time": { from: [...live, "resolved", "closed"], by: ["agent"] },
  // The customer's point of contact (P-B); who exactly is authorisation's (decide/permissions.ts).
  "approve-change": { from: live, by: ["requester"] },
  "reject-change": { from: live, by: ["requester"] },
  "schedule-session": { from: live, by: ["agent"] },
  "record-sla-warning": { from: [...live, "resolved", "closed"], by: ["system"] },
  "record-sla-breach": { from: [...live, "resolved", "closed"], by: ["system"] },
  "record-escalation-level": { from: live, by: ["system"] },
  "record-ola-breach": { from: [...live, "resolved", "closed"], by: ["system"] },
} as const satisfies Record<TicketCommandType | "customer-reply", Rule>;

export type Action = keyof typeof transitionTable;

export const ruleFor = (action: Action): Rule => transitionTable[action];
