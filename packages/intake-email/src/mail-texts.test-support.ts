/**
 * Test-only: real mail texts (RFC 822, CRLF line ends) as they reach a support mailbox, and the
 * intake options of tenant `acme`, whose mailbox knows two tickets by tag and by id, and one
 * foreign ticket (tenant `globex`) that the lookups wrongly return, so intake's own tenant check
 * is what is tested.
 */
import { tenantId } from "@ticketfold/core";
import type { IntakeOptions, TaggedTicket } from "./index.js";

export const crlf = (text: string): string => text.replace(/\r?\n/g, "\r\n");

export const ACME = tenantId("acme");
export const ALICE_TICKET = "01JNQ4X8Z6VJ3C0A5T0H7YB2QK";
export const BOB_TICKET = "01JNQ4X8Z6VJ3C0A5T0H7YB2QM";
export const GLOBEX_TICKET = "01JNQ4X8Z6VJ3C0A5T0H7YB2QN";

export const ticketsById: Record<string, TaggedTicket> = {
  [ALICE_TICKET]: { ticketId: ALICE_TICKET, requesterEmail: "Alice@Customer.example", tenantId: "acme" },
  [BOB_TICKET]: { ticketId: BOB_TICKET, requesterEmail: "bob@customer.example", tenantId: "acme" },
  [GLOBEX_TICKET]: { ticketId: GLOBEX_TICKET, requesterEmail: "alice@customer.example", tenantId: "globex" },
};
const byTag: Record<string, string> = { "10034": ALICE_TICKET, "10035": BOB_TICKET, "20001": GLOBEX_TICKET };

export const deskOptions = (overrides: Partial<IntakeOptions> = {}): IntakeOptions => {
  let n = 0;
  return {
    tenantId: ACME,
    now: Date.parse("2025-03-03T13:00:00Z"),
    newTicketId: () => `01JNQ5000000${String(++n).padStart(14, "0")}`,
    resolveTag: async (_tenant, tag) => ticketsById[byTag[tag] ?? ""],
    resolveTicket: async (_tenant, id) => ticketsById[id],
    ...overrides,
  };
};

/** The thread root `@ticketfold/notify-email` puts in every notice of a ticket. */
export const threadRoot = (ticketId: string) => `<ticket.${ticketId}@desk.example>`;

/** A customer's answer to a notice: the mail program copied the notice's References. */
export const replyToNotice = (options: {
  readonly from?: string;
  readonly subject?: string;
  readonly inReplyTo?: string;
  readonly references?: string;
  readonly body?: string;
}) =>
  crlf(`From: ${options.from ?? "Alice Example <alice@customer.example>"}
To: Support <support@desk.example>
Subject: ${options.subject ?? "Re: Ticket received: Printer on floor 3 is offline"}
Date: Mon, 3 Mar 2025 14:02:11 +0100
Message-ID: <CAF=reply-7@mail.customer.example>
${options.inReplyTo === undefined ? "" : `In-Reply-To: ${options.inReplyTo}\n`}${
  options.references === undefined ? "" : `References: ${options.references}\n`
}MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

${options.body ?? "It still shows offline after the restart."}

> Ticket received: Printer on floor 3 is offline
`);

/** A Postfix delivery report for a notice the desk sent to a dead address (RFC 3464). */
export const postfixBounce = crlf(`Return-Path: <>
Delivered-To: support@desk.example
Received: by mx.desk.example (Postfix) id 4Zq1x2; Mon,  3 Mar 2025 13:01:03 +0000 (UTC)
Date: Mon,  3 Mar 2025 13:01:02 +0000 (UTC)
From: MAILER-DAEMON@mx.customer.example (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: support@desk.example
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="4Zq1x2.1741006862/mx.customer.example"
Message-Id: <20250303130102.4Zq1x2@mx.customer.example>

This is a MIME-encapsulated message.

--4Zq1x2.1741006862/mx.customer.example
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.customer.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<carla@customer.example>: host mailbox.customer.example said: 550 5.1.1 User
    unknown

--4Zq1x2.1741006862/mx.customer.example
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.customer.example
Arrival-Date: Mon,  3 Mar 2025 13:01:01 +0000 (UTC)

Final-Recipient: rfc822; carla@customer.example
Action: failed
Status: 5.1.1

--4Zq1x2.1741006862/mx.customer.example--
`);

/** A mail with `headers` above a plain body, from alice unless the headers say otherwise. */
export const mailWithHeaders = (headers: string, body = "Thank you for your message.") =>
  crlf(`${headers.includes("From:") ? "" : "From: Alice Example <alice@customer.example>\n"}To: support@desk.example
${headers}${/^Content-Type:/im.test(headers) ? "" : "\nContent-Type: text/plain; charset=utf-8"}

${body}
`);
