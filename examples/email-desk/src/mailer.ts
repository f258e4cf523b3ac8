/**
 * A customer's mail program, for the demo and the tests: sends a plain-text mail to the desk's
 * SMTP intake on loopback. It resolves once the desk has answered 250, i.e. after the mail was
 * taken in (the intake answers only when the ticket command has been handled).
 */
import nodemailer from "nodemailer";

export interface CustomerMail {
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  /** Thread headers, as a mail program sets them when answering a mail. */
  readonly inReplyTo?: string;
  readonly references?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export const sendToDesk = async (port: number, mail: CustomerMail, to = "support@desk.example"): Promise<void> => {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ ...mail, to });
  } finally {
    transport.close();
  }
};
