/**
 * Real delivery peers for the outbox tests, on loopback and port 0: an SMTP catcher
 * (smtp-server; the headers of every mail read) and an HTTP receiver (node:http) whose
 * answer each test chooses. Also the adapters from the mail and webhook channel packages to
 * the core's DeliveryChannel, as an app writes them.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { DeliveryChannel } from "@ticketfold/core";
import { createEmailChannel } from "@ticketfold/notify-email";
import { createWebhookChannel } from "@ticketfold/notify-webhook";
import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  readonly messageId: string;
  readonly to: string[];
  /** The Subject header as sent (possibly an encoded word). */
  readonly subject: string;
  readonly raw: string;
}

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
        const head = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
        const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(head)?.[1]?.trim() ?? "";
        const to = session.envelope.rcptTo.map((r) => r.address);
        mails.push({ messageId: header("Message-ID"), to, subject: header("Subject"), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

export interface ReceivedHook {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface HookReceiver {
  readonly url: string;
  readonly received: ReceivedHook[];
  /** The status to answer the n-th request with (1-based); default 204. */
  respond: (n: number) => number;
  close(): Promise<void>;
}

export const startHookReceiver = async (): Promise<HookReceiver> => {
  const received: ReceivedHook[] = [];
  const receiver: { respond: (n: number) => number } = { respond: () => 204 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = receiver.respond(received.length);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
};

/** The mail channel as a DeliveryChannel: sent or nobody-to-send-to is done; a 5xx is final. */
export const mailDelivery = (port: number): DeliveryChannel & { close(): void } => {
  const channel = createEmailChannel({
    from: "desk@desk.example",
    smtp: { host: "127.0.0.1", port, secure: false, ignoreTLS: true, connectionTimeout: 5_000 },
  });
  return {
    name: "email",
    async deliver(intent) {
      const sent = await channel.send(intent);
      if (sent.status !== "failed") return { ok: true };
      const retryable = sent.error.code === "EMAIL_SEND_FAILED" && sent.error.retryable;
      return { ok: false, retryable, error: sent.error.message };
    },
    close: () => channel.close(),
  };
};

/** The webhook channel as a DeliveryChannel: one POST per attempt; the outbox does the retrying. */
export const webhookDelivery = (url: string, secret: string): DeliveryChannel => {
  const channel = createWebhookChannel({ url, secret, maxAttempts: 1, timeoutMs: 5_000 });
  return {
    name: "webhook",
    async deliver(intent) {
      const d = await channel.deliver(intent);
      if (d.status === "delivered") return { ok: true };
      return { ok: false, retryable: d.reason === "exhausted", error: d.message };
    },
  };
};
