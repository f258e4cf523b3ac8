/**
 * Notices after a data subject is forgotten (docs/personal-data.md). A stored notice about the
 * subject's ticket keeps its rule, ticket and instants (what was told when stays auditable) but
 * loses what is personal: its template values, and the name and address of the requester it was
 * for. A notice to the requester alone is not sent any more: there is nobody left to tell.
 */
import { ERASED } from "../ticket/personal-fields.js";
import type { NotificationIntent, Recipient } from "./intent.js";

/** Whether a recipient is the forgotten subject (by id, or as the ticket's requester). */
export const isForgottenRecipient = (r: Recipient, subject: string): boolean =>
  r.id === subject || r.role === "requester";

/** Template values that are never personal: ids, numbers, links, priorities, statuses, instants, levels. */
const IMPERSONAL_DATA = new Set([
  "ticketId",
  "number",
  "tag",
  "link",
  "priority",
  "priorityName",
  "status",
  "closesAt",
  "deadline",
  "metric",
  "level",
  "warning",
]);

const erasedRecipient = (r: Recipient): Recipient => ({
  ...r,
  ...(r.address === undefined ? {} : { address: ERASED }),
  ...(r.name === undefined ? {} : { name: ERASED }),
});

/** A notice of a forgotten subject's ticket with every personal value erased. */
export const erasedIntent = (intent: NotificationIntent, subject: string): NotificationIntent => ({
  ...intent,
  recipients: intent.recipients.map((r) => (isForgottenRecipient(r, subject) ? erasedRecipient(r) : r)),
  // An allowlist: a value added to notices later is erased until it is known to be impersonal.
  data: Object.fromEntries(Object.entries(intent.data).map(([k, v]) => [k, IMPERSONAL_DATA.has(k) ? v : ERASED])),
});

/** Whether a notice must not be sent once its ticket's subject is forgotten (it was for them alone). */
export const isForSubjectOnly = (intent: NotificationIntent): boolean =>
  intent.audience === "requester" || intent.recipients.every((r) => r.role === "requester");

/** The recipients a notice may still go to: never an erased address. */
export const reachableRecipients = (recipients: readonly Recipient[]): Recipient[] =>
  recipients.filter((r) => r.address !== ERASED);
