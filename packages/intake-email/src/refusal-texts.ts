/**
 * What each refusal says: a one-line `message` for the operator's log and, for the codes where
 * the sender can do something about it, the text of the reply. docs/email-intake.md prints the
 * same table (a test keeps every code documented).
 *
 * The three tag refusals (unknown ticket, another tenant's ticket, a sender who may not write
 * to it) send the *same* reply on purpose: a stranger guessing ticket numbers learns nothing
 * about which tickets exist or whose they are.
 */
import type { IntakeRefusal, RefusalDetails } from "./refusal.js";

export interface RefusalContext {
  /** The mail's single, well-formed From address; no reply without it. */
  readonly replyTo?: string | undefined;
  /** The mail's cleaned subject, quoted in the reply's subject. */
  readonly subject?: string | undefined;
  /** Shows a tag as the sender typed it, e.g. `[#10034]`. */
  readonly showTag: (tag: string) => string;
}

interface Texts {
  readonly message: string;
  /** The reply's body; `undefined` = never reply to this refusal. */
  readonly reply?: string;
}

/** 10485760 → "10 MiB": limits are shown the way people read them. */
export const humanBytes = (n: number): string =>
  n >= 1024 * 1024 && n % (1024 * 1024) === 0
    ? `${n / (1024 * 1024)} MiB`
    : n >= 1024 * 1024
      ? `${(n / (1024 * 1024)).toFixed(1)} MiB`
      : n >= 1024
        ? `${Math.ceil(n / 1024)} KiB`
        : `${n} bytes`;

const closing = "\n\nThis is an automatic message from the support desk.";

const tagReply = (tag: string) =>
  `Your mail names ticket ${tag}, but it could not be added to that ticket from your address.\n` +
  "Check the ticket number, or reply from the address that raised the ticket. To raise a new request, " +
  "send a mail without a ticket number in the subject.";

const textsFor = (d: RefusalDetails, showTag: (tag: string) => string): Texts => {
  switch (d.code) {
    case "MAIL_TOO_LARGE":
      return {
        message: `mail of ${d.size} bytes is over the ${d.limit}-byte limit`,
        reply: `Your mail is ${humanBytes(d.size)}; the support desk accepts mail up to ${humanBytes(d.limit)}. Please send large files another way.`,
      };
    case "MALFORMED_MAIL":
      return { message: `mail could not be parsed: ${d.reason}` };
    case "AUTO_SUBMITTED":
      return { message: `automatic mail (${d.header}) is not turned into tickets, to avoid reply loops` };
    case "MISSING_SENDER":
      return { message: "mail has no From address" };
    case "AMBIGUOUS_SENDER":
      return { message: `mail names ${d.count} senders; exactly one From address is required` };
    case "INVALID_SENDER":
      return { message: `From address ${JSON.stringify(d.address)} is not a usable mail address` };
    case "MISSING_SUBJECT":
      return {
        message: "mail has no subject; a new ticket needs one",
        reply: "Your mail has no subject. Please send it again with a short subject that says what it is about.",
      };
    case "MISSING_BODY":
      return {
        message: "mail has no text; a ticket or comment needs a description",
        reply: "Your mail has no text. Please describe your request in the body of the mail.",
      };
    case "BODY_TOO_LONG":
      return {
        message: `mail text of ${d.length} characters is over the ${d.limit}-character limit`,
        reply: `Your mail's text is ${d.length} characters long; the support desk accepts up to ${d.limit}. Please shorten it or attach long logs as files.`,
      };
    case "ATTACHMENT_TOO_LARGE":
      return d.scope === "file"
        ? {
            message: `attachment ${JSON.stringify(d.file)} of ${d.size} bytes is over the ${d.limit}-byte limit per file`,
            reply: `The attachment "${d.file}" is ${humanBytes(d.size)}; each file may be at most ${humanBytes(d.limit)}. Please send it another way or split it.`,
          }
        : {
            message: `attachment ${JSON.stringify(d.file)} takes the attachments over the ${d.limit}-byte total limit`,
            reply: `Together with "${d.file}" your attachments are over ${humanBytes(d.limit)}, the most one mail may carry. Please spread them over several mails.`,
          };
    case "TOO_MANY_ATTACHMENTS":
      return {
        message: `mail has ${d.count} attachments; at most ${d.limit} are accepted`,
        reply: `Your mail has ${d.count} attachments; one mail may carry at most ${d.limit}. Please spread them over several mails.`,
      };
    case "AMBIGUOUS_TAG":
      return {
        message: `subject names several tickets: ${d.tags.join(", ")}`,
        reply: `The subject of your mail names several tickets (${d.tags.map(showTag).join(", ")}). Please name only the one ticket your mail is about.`,
      };
    case "UNKNOWN_TICKET":
      return { message: `no ticket is known by tag ${d.tag}`, reply: tagReply(showTag(d.tag)) };
    case "FOREIGN_TICKET":
      return {
        message: `tag ${d.tag} names a ticket of tenant ${d.ticketTenantId}, not of this mailbox's tenant`,
        reply: tagReply(showTag(d.tag)),
      };
    case "SENDER_NOT_ALLOWED":
      return {
        message: `${d.sender} is not the requester of ticket ${d.tag} and is not allowed to comment on it`,
        reply: tagReply(showTag(d.tag)),
      };
    case "MISSING_LOGIN":
      return {
        message: "mail does not start with the Login key field",
        reply:
          "Your mail was not registered: it must start with the key fields, one per line, for example\n\n" +
          "Login: <your contract number>\nPriority: <1-4>\n\nfollowed by the description of your request.",
      };
    case "UNKNOWN_LOGIN":
      return {
        message: `login ${JSON.stringify(d.login)} is not a known customer`,
        reply: `Your mail was not registered: the login "${d.login}" is not known to us. Please check the contract number in the Login line.`,
      };
    case "CALLBACK_FAILED":
      return { message: `the caller's ${d.callback} failed: ${d.reason}` };
    case "INVALID_COMMAND":
      return { message: `the mail made a command the core refuses: ${d.issues.map((i) => i.message).join("; ")}` };
  }
};

const replySubject = (subject: string | undefined): string =>
  subject === undefined || subject === "" ? "Your mail to the support desk" : `Re: ${subject.slice(0, 200)}`;

/** Turns the details into a refusal value, with a reply when one is safe and useful. */
export const refuse = (details: RefusalDetails, ctx: RefusalContext): IntakeRefusal => {
  const texts = textsFor(details, ctx.showTag);
  return ctx.replyTo !== undefined && texts.reply !== undefined
    ? {
        ...details,
        message: texts.message,
        reply: { to: ctx.replyTo, subject: replySubject(ctx.subject), text: texts.reply + closing },
      }
    : { ...details, message: texts.message };
};
