/**
 * The mail channel: `createEmailChannel({ smtp | transport, from, templates? })` and
 * `send(intent, recipients)`, which composes the mail and hands it to nodemailer. Every
 * outcome is a value: sent (with the SMTP peer's accepted and rejected addresses), skipped
 * (nobody with an address) or failed (with a coded error saying whether a retry may help).
 */
import type { NotificationIntent, Recipient } from "@ticketfold/core";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport/index.js";
import { composeEmail } from "./compose.js";
import type { EmailError } from "./errors.js";
import type { MailAddress } from "./headers.js";
import type { TemplateOverrides } from "./templates/index.js";

export type EmailChannelOptions = {
  readonly from: MailAddress | string;
  readonly templates?: TemplateOverrides;
  /** Time zone for instants in notices (IANA); default UTC. */
  readonly timeZone?: string;
  readonly messageIdDomain?: string;
} & ({ readonly transport: Transporter } | { readonly smtp: SMTPTransport.Options });

export type EmailDelivery =
  | {
      readonly status: "sent";
      readonly intentId: string;
      readonly messageId: string;
      readonly accepted: readonly string[];
      readonly rejected: readonly string[];
    }
  | { readonly status: "skipped"; readonly intentId: string; readonly reason: "no-address" }
  | { readonly status: "failed"; readonly intentId: string; readonly error: EmailError };

export interface EmailChannel {
  /** Sends one intent to `recipients` (default: the intent's own recipients that have an address). */
  send(intent: NotificationIntent, recipients?: readonly Recipient[]): Promise<EmailDelivery>;
  /** Closes the SMTP connections of a transport the channel created. */
  close(): void;
}

const addressesOf = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.map((a) => (typeof a === "string" ? a : String((a as { address?: unknown }).address)))
    : [];

const sendFailure = (e: unknown): EmailError => {
  const err = e as { responseCode?: unknown; message?: unknown };
  const responseCode = typeof err.responseCode === "number" ? err.responseCode : undefined;
  return {
    code: "EMAIL_SEND_FAILED",
    // 5xx is a permanent refusal; 4xx and connection failures may pass on a later try.
    retryable: responseCode === undefined || responseCode < 500,
    ...(responseCode !== undefined ? { responseCode } : {}),
    message: `sending the mail failed: ${typeof err.message === "string" ? err.message : String(e)}`,
  };
};

export const createEmailChannel = (options: EmailChannelOptions): EmailChannel => {
  const owned = !("transport" in options);
  const transport: Transporter = "transport" in options ? options.transport : nodemailer.createTransport(options.smtp);
  const from = typeof options.from === "string" ? { address: options.from } : options.from;
  const compose = {
    from,
    timeZone: options.timeZone ?? "UTC",
    ...(options.templates !== undefined ? { templates: options.templates } : {}),
    ...(options.messageIdDomain !== undefined ? { messageIdDomain: options.messageIdDomain } : {}),
  };
  return {
    async send(intent, recipients = intent.recipients) {
      const composed = composeEmail(intent, recipients, compose);
      if (!composed.ok) return { status: "failed", intentId: intent.id, error: composed.error };
      const mail = composed.value;
      if (mail.to.length === 0) return { status: "skipped", intentId: intent.id, reason: "no-address" };
      try {
        const info = await transport.sendMail({
          from: mail.from,
          to: [...mail.to],
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          inReplyTo: mail.inReplyTo,
          references: mail.references,
          headers: { ...mail.headers },
        });
        return {
          status: "sent",
          intentId: intent.id,
          messageId: mail.messageId,
          accepted: addressesOf(info.accepted),
          rejected: addressesOf(info.rejected),
        };
      } catch (e) {
        return { status: "failed", intentId: intent.id, error: sendFailure(e) };
      }
    },
    close() {
      if (owned) transport.close();
    },
  };
};
