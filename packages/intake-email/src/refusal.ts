/**
 * Refusals: a mail that cannot become a ticket command is answered with a value, never an
 * exception. Each refusal has a stable `code`, the fields a caller needs (what limit, which
 * file, which tag), a `message` for the operator's log and, when a reply is safe and useful,
 * a `reply` to send back to the sender, in the language of the mailbox's policy.
 *
 * No reply is offered when the sender is unknown or untrustworthy (missing, several or
 * malformed From), for automatic mail (reply loops), or when the fault is ours (a caller's
 * lookup failed): replying there would only create backscatter.
 */
import type { AutomaticSignal } from "./automatic-mail.js";

/** The mail to send back: plain text, addressed to the mail's single From address. */
export interface IntakeReply {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** The callbacks the caller supplies; a failure in one of them is reported by name. */
export type IntakeCallback =
  | "resolveTag"
  | "resolveTicket"
  | "login.lookup"
  | "isAllowedSender"
  | "newTicketId"
  | "attachmentStore.put";

/** What went wrong, with the fields a caller needs; `message` and `reply` are added by `refuse`. */
export type RefusalDetails =
  | { readonly code: "MAIL_TOO_LARGE"; readonly size: number; readonly limit: number }
  | { readonly code: "MALFORMED_MAIL"; readonly reason: string }
  | {
      readonly code: "AUTO_SUBMITTED";
      /** What kind of machine wrote it (see `automaticMail`). */
      readonly signal: AutomaticSignal;
      /** The header that decided, as `name: value`. */
      readonly header: string;
    }
  | { readonly code: "MISSING_SENDER" }
  | { readonly code: "AMBIGUOUS_SENDER"; readonly count: number }
  | { readonly code: "INVALID_SENDER"; readonly address: string }
  | { readonly code: "MISSING_SUBJECT" }
  | { readonly code: "MISSING_BODY" }
  | { readonly code: "BODY_TOO_LONG"; readonly length: number; readonly limit: number }
  | {
      readonly code: "ATTACHMENT_TOO_LARGE";
      /** `file`: this attachment alone is over the limit; `total`: it pushed the sum over. */
      readonly scope: "file" | "total";
      readonly file: string;
      readonly size: number;
      readonly limit: number;
    }
  | { readonly code: "TOO_MANY_ATTACHMENTS"; readonly count: number; readonly limit: number }
  | { readonly code: "AMBIGUOUS_TAG"; readonly tags: readonly string[] }
  | { readonly code: "UNKNOWN_TICKET"; readonly tag: string }
  | { readonly code: "FOREIGN_TICKET"; readonly tag: string; readonly ticketTenantId: string }
  | { readonly code: "SENDER_NOT_ALLOWED"; readonly tag: string; readonly sender: string }
  | { readonly code: "MISSING_LOGIN" }
  | { readonly code: "UNKNOWN_LOGIN"; readonly login: string }
  | { readonly code: "CALLBACK_FAILED"; readonly callback: IntakeCallback; readonly reason: string }
  | {
      readonly code: "INVALID_COMMAND";
      readonly issues: readonly { readonly path: string; readonly message: string }[];
    };

export type IntakeRefusalCode = RefusalDetails["code"];

export type IntakeRefusal = RefusalDetails & {
  readonly message: string;
  readonly reply?: IntakeReply;
};

/** Every refusal code, in the order the docs table lists them. */
export const intakeRefusalCodes: readonly IntakeRefusalCode[] = [
  "MAIL_TOO_LARGE",
  "MALFORMED_MAIL",
  "AUTO_SUBMITTED",
  "MISSING_SENDER",
  "AMBIGUOUS_SENDER",
  "INVALID_SENDER",
  "MISSING_SUBJECT",
  "MISSING_BODY",
  "BODY_TOO_LONG",
  "ATTACHMENT_TOO_LARGE",
  "TOO_MANY_ATTACHMENTS",
  "AMBIGUOUS_TAG",
  "UNKNOWN_TICKET",
  "FOREIGN_TICKET",
  "SENDER_NOT_ALLOWED",
  "MISSING_LOGIN",
  "UNKNOWN_LOGIN",
  "CALLBACK_FAILED",
  "INVALID_COMMAND",
];

const CODES: ReadonlySet<string> = new Set(intakeRefusalCodes);

/** Guard by code (never `instanceof`). */
export const isIntakeRefusal = (u: unknown): u is IntakeRefusal =>
  typeof u === "object" &&
  u !== null &&
  CODES.has(String((u as { code?: unknown }).code)) &&
  typeof (u as { message?: unknown }).message === "string";
