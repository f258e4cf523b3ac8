/**
 * The desk's neighbours in development, on loopback and port 0 (as in examples/email-desk): a
 * mail catcher (a real SMTP server standing in for the customers' and staff's mailboxes) and a
 * webhook receiver that checks every delivery's signature before it believes it, as a real
 * receiver must, and marks repeats by their Idempotency-Key. The board shows what they got.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseWebhookPayload, verifySignature } from "@ticketfold/notify-webhook";
import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly messageId: string;
  readonly references: string;
  readonly raw: string;
}

/** Decodes RFC 2047 encoded words (UTF-8, Q or B), as a mail client shows a subject. */
export const decodeHeader = (value: string): string =>
  value
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
            "latin1",
          ).toString("utf8"),
    );

const headerOf = (raw: string, name: string): string => {
  const end = raw.indexOf("\r\n\r\n");
  const head = (end < 0 ? raw : raw.slice(0, end)).replace(/\r\n[ \t]+/g, " ");
  return decodeHeader(new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(head)?.[1]?.trim() ?? "");
};

export interface MailCatcher {
  readonly port: number;
  readonly mails: CaughtMail[];
  close(): Promise<void>;
}

export const startMailCatcher = async (): Promise<MailCatcher> => {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const to = session.envelope.rcptTo.map((r) => r.address);
        const messageId = headerOf(raw, "Message-ID");
        mails.push({ to, subject: headerOf(raw, "Subject"), messageId, references: headerOf(raw, "References"), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

export interface ReceivedHook {
  readonly key: string;
  readonly rule: string;
  readonly ticketId: string;
  readonly verified: boolean;
  /** True when this key was seen before (a redelivery, dropped by the receiver). */
  readonly repeat: boolean;
}

export interface HookReceiver {
  readonly url: string;
  readonly received: ReceivedHook[];
  close(): Promise<void>;
}

export const startHookReceiver = async (secret: string): Promise<HookReceiver> => {
  const received: ReceivedHook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = req.headers["ticketfold-signature"];
      const check = verifySignature(secret, Array.isArray(header) ? header[0] : header, body, Date.now());
      const payload = parseWebhookPayload(body);
      const key = String(req.headers["idempotency-key"] ?? "");
      const repeat = received.some((r) => r.key === key);
      const intent = payload._tag === "Right" ? payload.right.intent : undefined;
      received.push({ key, rule: intent?.rule ?? "", ticketId: intent?.ticketId ?? "", verified: check.ok, repeat });
      // A delivery whose signature fails is refused: the sender must not count it as delivered.
      res.statusCode = check.ok && payload._tag === "Right" ? 204 : 401;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/ticketfold`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
