/**
 * Composing one mail from an intent: pick the template for the intent's key and locale,
 * render subject, text and HTML, put the ticket tag in the subject (P-D: replies carrying it
 * thread to the ticket), and set the threading headers. Fails with an error value — never a
 * half-built message — when a header value is unsafe or no template exists.
 */
import type { NotificationIntent, Recipient } from "@ticketfold/core";
import { fail, ok, type Result } from "./errors.js";
import { checkMailbox, foldSubject, type MailAddress, noticeMessageId, ticketThreadId } from "./headers.js";
import { displayValues, escapeHtml, htmlFromText, renderTemplate } from "./render.js";
import { type TemplateOverrides, templateFor } from "./templates/index.js";

export interface ComposeOptions {
  readonly from: MailAddress;
  readonly templates?: TemplateOverrides;
  readonly timeZone: string;
  /** Right-hand side of Message-IDs; default: the domain of `from`. */
  readonly messageIdDomain?: string;
}

export interface MailMessage {
  readonly from: MailAddress;
  readonly to: readonly MailAddress[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly messageId: string;
  readonly inReplyTo: string;
  readonly references: string;
  readonly headers: Readonly<Record<string, string>>;
}

const mailbox = (r: Recipient): MailAddress | undefined =>
  r.address === undefined ? undefined : { address: r.address, ...(r.name !== undefined ? { name: r.name } : {}) };

export const composeEmail = (
  intent: NotificationIntent,
  recipients: readonly Recipient[],
  options: ComposeOptions,
): Result<MailMessage> => {
  const from = checkMailbox("from", options.from);
  if (!from.ok) return from;
  const to: MailAddress[] = [];
  for (const [i, r] of recipients.entries()) {
    const box = mailbox(r);
    if (box === undefined) continue;
    const checked = checkMailbox(`to[${i}]`, box);
    if (!checked.ok) return checked;
    to.push(checked.value);
  }
  const template = templateFor(intent.locale, intent.templateKey, options.templates);
  if (template === undefined) {
    return fail({
      code: "EMAIL_TEMPLATE_MISSING",
      templateKey: intent.templateKey,
      locale: intent.locale,
      message: `no mail template "${intent.templateKey}" for locale "${intent.locale}" (nor in English); add one under templates.${intent.locale}`,
    });
  }
  const values = displayValues(intent.data, intent.locale, options.timeZone);
  const tag = intent.data.tag ?? "";
  const rendered = foldSubject(renderTemplate(template.subject, values));
  const subject = tag !== "" && !rendered.includes(tag) ? `${tag} ${rendered}` : rendered;
  const text = renderTemplate(template.text, values);
  const html =
    template.html !== undefined
      ? renderTemplate(template.html, values, escapeHtml)
      : htmlFromText(text, intent.data.link);
  const domain = options.messageIdDomain ?? options.from.address.split("@")[1] ?? "ticketfold.invalid";
  const thread = ticketThreadId(intent.ticketId, domain);
  return ok({
    from: from.value,
    to,
    subject,
    text,
    html,
    messageId: noticeMessageId(intent.id, domain),
    inReplyTo: thread,
    references: thread,
    headers: {
      // RFC 3834: an automatic message; well-behaved auto-responders do not answer it.
      "Auto-Submitted": "auto-generated",
      "X-Ticketfold-Ticket": intent.ticketId,
    },
  });
};
