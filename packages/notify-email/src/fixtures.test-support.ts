/** Test fixtures: real intents from the core's rules, and a real SMTP server on loopback. */
import type { AddressInfo } from "node:net";
import {
  currentSchemaVersion,
  evolve,
  initialState,
  type Locale,
  type NotificationIntent,
  notificationsFor,
  type Policy,
  type TicketEvent,
  type TicketState,
} from "@ticketfold/core";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export const TICKET = "01HZX3K9Q7W2E5R8T1Y4V6J0PA";
export const T0 = Date.parse("2025-03-03T10:00:00Z");

export const policy = (locale: Locale): Policy =>
  ({
    id: "p-d",
    name: "web desk",
    priorities: { levels: [{ id: "normal", name: "Normal" }], default: "normal" },
    sla: { timers: { autoCloseResolved: { after: 72 * 3_600_000 } } },
    notifications: { locale, ticketLink: "https://desk.example/t/{ticketId}" },
  }) as unknown as Policy;

const ev = (type: TicketEvent["type"], data: unknown, at = T0, kind: "agent" | "requester" = "agent"): TicketEvent =>
  ({
    type,
    schemaVersion: currentSchemaVersion[type],
    ticketId: TICKET,
    tenantId: "acme",
    at,
    actor: { kind, id: "x" },
    data,
  }) as TicketEvent;

export const openedEvent = (subject = "Printer on fire", name = "Kim", email = "kim@contoso.example"): TicketEvent =>
  ev(
    "opened",
    {
      subject,
      description: "Smoke",
      category: "incident",
      channel: "email",
      requester: { id: "cust-1", email, name },
      priority: "normal",
      priorityDefaulted: false,
      policyId: "p-d",
      approvalRequired: false,
    },
    T0,
    "requester",
  );

export const events = {
  opened: openedEvent,
  agentReply: (body: string) =>
    ev("commented", { author: "agent", visibility: "public", body, attachments: [] }, T0 + 60_000),
  resolved: () => ev("resolved", { resolution: "Replaced the fuser" }, T0 + 120_000),
};

/** The intents of the last event of `history`, as the core's rules make them. */
export const intentsOf = (history: TicketEvent[], locale: Locale = "en"): NotificationIntent[] => {
  let before: TicketState = initialState;
  for (const e of history.slice(0, -1)) before = evolve(before, e);
  const last = history[history.length - 1] as TicketEvent;
  return notificationsFor(last, before, evolve(before, last), policy(locale), { eventId: `evt-${history.length}` });
};

export interface Received {
  readonly mail: ParsedMail;
  readonly raw: string;
  readonly rcptTo: string[];
}

/** A real SMTP server on 127.0.0.1, port 0. Recipients at `reject.example` get a 550. */
export const startSmtp = async () => {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith("@reject.example")) {
        const err = Object.assign(new Error("mailbox unavailable"), { responseCode: 550 });
        callback(err);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({ mail: await simpleParser(raw), raw, rcptTo: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    smtp: { host: "127.0.0.1", port, secure: false, ignoreTLS: true, connectionTimeout: 5_000, socketTimeout: 5_000 },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
