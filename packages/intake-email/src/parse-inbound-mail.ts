/**
 * Mail into ticket commands. A raw RFC 822 mail becomes an `open` command (a new ticket, the
 * sender its requester) or a `comment` on the ticket its subject tag names, or a refusal value
 * with, where useful, a reply for the sender. Never throws: every failure is a value.
 *
 * The flow: size → parse → automatic mail? → one sender → subject and tag → attachments →
 * text → thread or tag route (tenant, requester) → P-C key fields (new tickets) → the core's
 * decoder.
 */
import type { Attachment, CommandOf, TenantId } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import type { ParsedMail } from "mailparser";
import { attachmentMetadata } from "./attachments.js";
import { commentCommand, openCommand } from "./build-command.js";
import { readKeyFields } from "./key-fields.js";
import { keyFieldLabels, openFields, type PriorityOutcome } from "./open-fields.js";
import { type IntakeCustomer, type IntakeOptions, intakeLimitsOf, type TaggedTicket } from "./options.js";
import { readHead, readMail, toBytes } from "./read-mail.js";
import type { IntakeRefusal, RefusalDetails } from "./refusal.js";
import { automaticOf, contextOf } from "./refusal-context.js";
import { refuse } from "./refusal-texts.js";
import { callSafely, type Route, routeByTag } from "./route-by-tag.js";
import { routeByThread } from "./route-by-thread.js";
import { cleanBodyText, cleanHeaderText, truncate } from "./sanitize.js";
import { type MailSender, senderOf } from "./sender.js";
import { defaultTagFormat, findSubjectTags } from "./subject-tag.js";

export type IntakeResult =
  | {
      readonly kind: "open";
      readonly command: CommandOf<"open">;
      readonly sender: MailSender;
      readonly priority?: PriorityOutcome;
      readonly customer?: IntakeCustomer;
    }
  | {
      readonly kind: "comment";
      readonly command: CommandOf<"comment">;
      readonly sender: MailSender;
      /** What named the ticket: the thread headers (`In-Reply-To` / `References`) or the subject tag. */
      readonly via: "thread" | "tag";
      /** The subject tag that named the ticket; absent when the thread did. */
      readonly tag?: string;
      readonly ticket: TaggedTicket;
    };

const MAX_SUBJECT = 250;

const prepared = (mail: ParsedMail, options: IntakeOptions) => {
  const limits = intakeLimitsOf(options);
  const tagFormat = { ...defaultTagFormat, ...options.tagFormat };
  const subject = cleanHeaderText(mail.subject ?? "");
  const body = cleanBodyText(mail.text ?? "");
  return { limits, tagFormat, subject, body };
};

type Step<A> = E.Either<RefusalDetails, A>;

/**
 * A reply's text, without a key-field block if P-C is configured (replies need none). A reply
 * that only carries files ("see attached") is a comment listing them rather than a refusal.
 */
const commentText = (body: string, attachments: readonly Attachment[], options: IntakeOptions): string => {
  const text = (options.keyFields ? readKeyFields(body, keyFieldLabels(options)).rest : body).trim();
  if (text !== "" || attachments.length === 0) return text;
  return `Attachments: ${attachments.map((a) => a.name).join(", ")}`;
};

/**
 * The references of a mail's files: with an attachment store, each file's bytes are stored
 * (the adapter computes the SHA-256 and the id); without one, the metadata as read.
 */
const keptAttachments = async (
  metadata: readonly Attachment[],
  mail: ParsedMail,
  options: IntakeOptions,
): Promise<Step<Attachment[]>> => {
  const store = options.attachmentStore;
  if (store === undefined) return E.right([...metadata]);
  const kept: Attachment[] = [];
  for (const [i, m] of metadata.entries()) {
    const content = mail.attachments[i]?.content ?? new Uint8Array();
    const ref = await callSafely("attachmentStore.put", () =>
      store.put(options.tenantId, { name: m.name, contentType: m.contentType, content }),
    );
    if (E.isLeft(ref)) return ref;
    kept.push(ref.right);
  }
  return E.right(kept);
};

const decideMail = async (mail: ParsedMail, options: IntakeOptions): Promise<Step<IntakeResult>> => {
  const { limits, tagFormat, subject, body } = prepared(mail, options);
  const tenantId: TenantId = options.tenantId;
  const sender = senderOf(mail.from, mail.headerLines);
  if (E.isLeft(sender)) return sender;
  const tags = findSubjectTags(subject, tagFormat);
  const attachments = attachmentMetadata(mail.attachments, limits);
  if (E.isLeft(attachments)) return attachments;
  if (body.length > limits.maxBodyChars) {
    return E.left({ code: "BODY_TOO_LONG", length: body.length, limit: limits.maxBodyChars });
  }
  const threaded = await routeByThread(mail.headerLines, sender.right, { ...options, tenantId });
  if (E.isLeft(threaded)) return threaded;
  const route: Step<Route> =
    threaded.right === undefined
      ? await routeByTag(tags, sender.right, { ...options, tenantId })
      : E.right(threaded.right);
  if (E.isLeft(route)) return route;
  // Once the mail is accepted, the bytes go to the attachment store and the command carries references.
  const keep = () => keptAttachments(attachments.right, mail, options);
  if (route.right.kind === "comment") {
    const { ticket, via } = route.right;
    const tag = route.right.via === "tag" ? { tag: route.right.tag } : {};
    const text = commentText(body, attachments.right, options);
    if (text === "") return E.left({ code: "MISSING_BODY" });
    const kept = await keep();
    if (E.isLeft(kept)) return kept;
    const input = { ticketId: ticket.ticketId, body: text, sender: sender.right, attachments: kept.right };
    const command = commentCommand(input, options);
    return E.map((c: CommandOf<"comment">) => ({
      kind: "comment" as const,
      command: c,
      sender: sender.right,
      via,
      ...tag,
      ticket,
    }))(command);
  }
  if (subject === "") return E.left({ code: "MISSING_SUBJECT" });
  return openTicket(subject, body, sender.right, keep, options);
};

const openTicket = async (
  subject: string,
  body: string,
  sender: MailSender,
  keep: () => Promise<Step<Attachment[]>>,
  options: IntakeOptions,
): Promise<Step<IntakeResult>> => {
  const fields = await openFields(body, sender, options);
  if (E.isLeft(fields)) return fields;
  const { description, priority, priorityOutcome, customer } = fields.right;
  const ticketId = await callSafely("newTicketId", () => options.newTicketId());
  if (E.isLeft(ticketId)) return ticketId;
  const attachments = await keep();
  if (E.isLeft(attachments)) return attachments;
  const input = {
    ticketId: String(ticketId.right),
    subject: truncate(subject, MAX_SUBJECT),
    description,
    sender,
    attachments: attachments.right,
    ...(priority === undefined ? {} : { priority }),
    ...(customer === undefined ? {} : { customer }),
  };
  return E.map((command: CommandOf<"open">) => ({
    kind: "open" as const,
    command,
    sender,
    ...(priorityOutcome === undefined ? {} : { priority: priorityOutcome }),
    ...(customer === undefined ? {} : { customer }),
  }))(openCommand(input, options));
};

/**
 * Turns a raw inbound mail into a ticket command, or a refusal. `options.now` and
 * `options.newTicketId` stand in for the clock and id generation; the lookups are the caller's.
 */
export const parseInboundMail = async (
  raw: Buffer | string,
  options: IntakeOptions,
): Promise<E.Either<IntakeRefusal, IntakeResult>> => {
  try {
    const bytes = toBytes(raw);
    const limits = intakeLimitsOf(options);
    const read = await readMail(bytes, limits);
    if (E.isLeft(read)) {
      // Too large to parse whole: read only the header block to learn whom to tell.
      const sizeRefusal = read.left.code === "MAIL_TOO_LARGE" || read.left.code === "BODY_TOO_LONG";
      const head = sizeRefusal ? await readHead(bytes) : undefined;
      return E.left(refuse(read.left, contextOf(head, options)));
    }
    const mail = read.right;
    const machine = automaticOf(mail, options);
    if (machine !== undefined) {
      return E.left(refuse({ code: "AUTO_SUBMITTED", ...machine }, contextOf(undefined, options)));
    }
    const decided = await decideMail(mail, options);
    return E.isRight(decided) ? decided : E.left(refuse(decided.left, contextOf(mail, options)));
  } catch (error) {
    // A safety net for the promise "never throws": nothing above is expected to get here.
    const reason = `unexpected: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200);
    return E.left(refuse({ code: "MALFORMED_MAIL", reason }, contextOf(undefined, options)));
  }
};
