/**
 * The desk's answers to refused mail: intake says whom to tell and what (in the policy's
 * language); this sends it over SMTP, marked `Auto-Submitted: auto-replied` (RFC 3834), so
 * well-behaved auto-responders do not answer it and the desk's own intake would refuse an echo.
 */
import type { IntakeReply } from "@ticketfold/intake-email";
import nodemailer from "nodemailer";

export interface ReplyMailer {
  send(reply: IntakeReply): Promise<void>;
  close(): void;
}

export const replyMailer = (options: { readonly host: string; readonly port: number; readonly from: string }) => {
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5_000,
  });
  return {
    async send(reply: IntakeReply) {
      await transport.sendMail({
        from: options.from,
        to: reply.to,
        subject: reply.subject,
        text: reply.text,
        headers: { "Auto-Submitted": "auto-replied" },
      });
    },
    close: () => transport.close(),
  } satisfies ReplyMailer;
};
