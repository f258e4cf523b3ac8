/**
 * What each refusal says: a one-line `message` for the operator's log (English) and, for the
 * codes where the sender can do something about it, a reply in the mailbox's language
 * (`refusal-replies/`). docs/email-intake.md prints the same table (a test keeps every code
 * documented).
 */
import type { Locale } from "@ticketfold/core";
import type { IntakeRefusal, RefusalDetails } from "./refusal.js";
import { type RefusalReplies, refusalReplies } from "./refusal-replies/index.js";

export interface RefusalContext {
  /** The mail's single, well-formed From address; no reply without it. */
  readonly replyTo?: string | undefined;
  /** The mail's cleaned subject, quoted in the reply's subject. */
  readonly subject?: string | undefined;
  /** Shows a tag as the sender typed it, e.g. `[#10034]`. */
  readonly showTag: (tag: string) => string;
  /** Language of the reply; default `en`. */
  readonly locale?: Locale | undefined;
}

/** The operator's log line for a refusal (English, whatever language the reply is in). */
const messageFor = (d: RefusalDetails): string => {
  switch (d.code) {
    case "MAIL_TOO_LARGE":
      return `mail of ${d.size} bytes is over the ${d.limit}-byte limit`;
    case "MALFORMED_MAIL":
      return `mail could not be parsed: ${d.reason}`;
    case "AUTO_SUBMITTED":
      return `automatic mail (${d.signal}, ${d.header}) is not turned into tickets, to avoid reply loops`;
    case "MISSING_SENDER":
      return "mail has no From address";
    case "AMBIGUOUS_SENDER":
      return `mail names ${d.count} senders; exactly one From address is required`;
    case "INVALID_SENDER":
      return `From address ${JSON.stringify(d.address)} is not a usable mail address`;
    case "MISSING_SUBJECT":
      return "mail has no subject; a new ticket needs one";
    case "MISSING_BODY":
      return "mail has no text; a ticket or comment needs a description";
    case "BODY_TOO_LONG":
      return `mail text of ${d.length} characters is over the ${d.limit}-character limit`;
    case "ATTACHMENT_TOO_LARGE":
      return d.scope === "file"
        ? `attachment ${JSON.stringify(d.file)} of ${d.size} bytes is over the ${d.limit}-byte limit per file`
        : `attachment ${JSON.stringify(d.file)} takes the attachments over the ${d.limit}-byte total limit`;
    case "TOO_MANY_ATTACHMENTS":
      return `mail has ${d.count} attachments; at most ${d.limit} are accepted`;
    case "AMBIGUOUS_TAG":
      return `subject names several tickets: ${d.tags.slice(0, 10).join(", ")}${d.tags.length > 10 ? ", …" : ""}`;
    case "UNKNOWN_TICKET":
      return `no ticket is known by tag ${d.tag}`;
    case "FOREIGN_TICKET":
      return `tag ${d.tag} names a ticket of tenant ${d.ticketTenantId}, not of this mailbox's tenant`;
    case "SENDER_NOT_ALLOWED":
      return `${d.sender} is not the requester of ticket ${d.tag} and is not allowed to comment on it`;
    case "MISSING_LOGIN":
      return "mail does not start with the Login key field";
    case "UNKNOWN_LOGIN":
      return `login ${JSON.stringify(d.login)} is not a known customer`;
    case "CALLBACK_FAILED":
      return `the caller's ${d.callback} failed: ${d.reason}`;
    case "INVALID_COMMAND":
      return `the mail made a command the core refuses: ${d.issues.map((i) => i.message).join("; ")}`;
  }
};

const replySubject = (subject: string | undefined, replies: RefusalReplies): string =>
  subject === undefined || subject === "" ? replies.noSubject : `Re: ${subject.slice(0, 200)}`;

/** Turns the details into a refusal value, with a reply when one is safe and useful. */
export const refuse = (details: RefusalDetails, ctx: RefusalContext): IntakeRefusal => {
  const message = messageFor(details);
  const replies = refusalReplies[ctx.locale ?? "en"] ?? refusalReplies.en;
  const text = replies.text(details, ctx.showTag);
  return ctx.replyTo !== undefined && text !== undefined
    ? {
        ...details,
        message,
        reply: { to: ctx.replyTo, subject: replySubject(ctx.subject, replies), text: text + replies.closing },
      }
    : { ...details, message };
};
