/**
 * Inline RFC 822 fixtures and a ready-made set of intake options: a tenant `acme` whose
 * mailbox knows two tickets by tag, and one foreign ticket that `resolveTag` (wrongly) returns
 * for tenant `globex`, so the tenant check in intake itself is exercised.
 */
import { type PriorityScale, PriorityScaleC, tenantId } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import type { IntakeOptions, TaggedTicket } from "./index.js";

/** Writes a mail the way it travels: CRLF line ends. */
export const mail = (text: string): string => text.replace(/\r?\n/g, "\r\n");

export const ACME = tenantId("acme");
export const NOW = Date.parse("2025-03-03T13:00:00Z");
export const TICKET_10034 = "01JNQ4X8Z6VJ3C0A5T0H7YB2QK";
export const TICKET_10035 = "01JNQ4X8Z6VJ3C0A5T0H7YB2QM";
export const FOREIGN_TICKET = "01JNQ4X8Z6VJ3C0A5T0H7YB2QN";

export const tickets: Record<string, TaggedTicket> = {
  "10034": { ticketId: TICKET_10034, requesterEmail: "Alice@Customer.example", tenantId: "acme" },
  "10035": { ticketId: TICKET_10035, requesterEmail: "bob@customer.example", tenantId: "acme" },
  "20001": { ticketId: FOREIGN_TICKET, requesterEmail: "alice@customer.example", tenantId: "globex" },
};

/** P-C's four priorities; missing or malformed ⇒ 4 Low. */
export const pcPriorities: PriorityScale = E.getOrElseW((): never => {
  throw new Error("bad P-C priority scale");
})(
  PriorityScaleC.decode({
    levels: [
      { id: "1", name: "Critical" },
      { id: "2", name: "High" },
      { id: "3", name: "Medium" },
      { id: "4", name: "Low" },
    ],
    default: "4",
  }),
);

/** Sequential valid ULIDs, so every opened ticket has a fresh, well-formed id. */
export const ulids = () => {
  let n = 0;
  return () => `01JNQ5000000${String(++n).padStart(14, "0")}`;
};

export const options = (overrides: Partial<IntakeOptions> = {}): IntakeOptions => ({
  tenantId: ACME,
  now: NOW,
  newTicketId: ulids(),
  resolveTag: async (_tenant, tag) => tickets[tag],
  ...overrides,
});

export const plainMail = mail(`From: Alice Example <alice@customer.example>
To: support@desk.example
Subject: Printer on floor 3 is offline
Date: Mon, 3 Mar 2025 12:58:00 +0000
Message-ID: <plain-1@customer.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 7bit

The printer on floor 3 shows "offline" since this morning.
Restarting it did not help.
`);

export const replyMail = (from: string, subject: string, body = "It is still offline after the update.") =>
  mail(`From: ${from}
To: support@desk.example
Subject: ${subject}
Message-ID: <reply-1@customer.example>
Content-Type: text/plain; charset=utf-8

${body}
`);

export const multipartMail = mail(`From: Alice Example <alice@customer.example>
To: support@desk.example
Subject: Scanner error log
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="==b1=="

--==b1==
Content-Type: text/plain; charset=utf-8

The scanner stops with error E42. Log and photo attached.
--==b1==
Content-Type: text/plain; charset=utf-8; name="scan.log"
Content-Disposition: attachment; filename="scan.log"
Content-Transfer-Encoding: base64

RTQyOiBwYXBlciBqYW0K
--==b1==
Content-Type: image/png; name="photo.png"
Content-Disposition: attachment; filename="photo.png"
Content-Transfer-Encoding: base64

iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==
--==b1==--
`);

/** ISO-8859-1, quoted-printable body and Q-encoded subject (German umlauts). */
export const germanQpMail = mail(`From: =?iso-8859-1?Q?J=FCrgen_M=FCller?= <juergen.mueller@kunde.example>
To: support@desk.example
Subject: =?iso-8859-1?Q?Drucker_f=E4llt_st=E4ndig_aus?=
MIME-Version: 1.0
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Sehr geehrte Damen und Herren,
der Drucker im Gro=DFraumb=FCro f=E4llt seit Montag st=E4ndig aus.
Mit freundlichen Gr=FC=DFen
`);

/** UTF-8, base64 body, B-encoded subject (German umlauts). */
export const germanBase64Mail = mail(`From: Jürgen Müller <juergen.mueller@kunde.example>
To: support@desk.example
Subject: =?utf-8?B?${Buffer.from("Übersicht: Störung im Büro").toString("base64")}?=
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

${Buffer.from("Die Türsteuerung zeigt eine Störung.\nGrüße aus Köln\n").toString("base64")}
`);

/** KOI8-R, base64 body starting with Russian key fields (Логин / Приоритет). */
export const koi8Base64Mail = mail(`From: =?koi8-r?B?6dfBziDwxdTSz9c=?= <ivan.petrov@zakazchik.example>
To: support@desk.example
Subject: =?koi8-r?B?88XS18XSINDF3sHUyQ==?=
MIME-Version: 1.0
Content-Type: text/plain; charset=koi8-r
Content-Transfer-Encoding: base64

7M/Hyc46IDQ3MTEtMjAyNQ0K8NLJz9LJ1MXUOiAyDQoNCu7FINrB0NXTy8HF1NPRINPF0tfF0iDQxd7B1Mkg0M/TzMUgz8LOz9fMxc7J0S4NCvMg1dfB1sXOycXNLCDp18HODQo=
`);

/** The same KOI8-R text sent as raw 8-bit bytes. */
export const koi8EightBitMail = Buffer.concat([
  Buffer.from(
    mail(`From: ivan.petrov@zakazchik.example
To: support@desk.example
Subject: =?koi8-r?B?88XS18XSINDF3sHUyQ==?=
MIME-Version: 1.0
Content-Type: text/plain; charset="KOI8-R"
Content-Transfer-Encoding: 8bit

`),
  ),
  Buffer.from(
    "7M/Hyc46IDQ3MTEtMjAyNQ0K8NLJz9LJ1MXUOiAyDQoNCu7FINrB0NXTy8HF1NPRINPF0tfF0iDQxd7B1Mkg0M/TzMUgz8LOz9fMxc7J0S4NCvMg1dfB1sXOycXNLCDp18HODQo=",
    "base64",
  ),
]);

/** windows-1251, quoted-printable body and Q-encoded subject. */
export const cp1251QpMail = mail(`From: olga@zakazchik.example
To: support@desk.example
Subject: =?windows-1251?Q?=CF=F3=F1=F2=FB=E5_=EB=E8=F1=F2=FB?=
MIME-Version: 1.0
Content-Type: text/plain; charset=windows-1251
Content-Transfer-Encoding: quoted-printable

=C4=EE=E1=F0=FB=E9 =E4=E5=ED=FC!
=CF=F0=E8=ED=F2=E5=F0 =E2 =E1=F3=F5=E3=E0=EB=F2=E5=F0=E8=E8 =EF=E5=F7=E0=F2=E0=E5=F2 =EF=F3=F1=F2=FB=E5 =EB=E8=F1=F2=FB.
`);

/** A mail whose text starts with P-C key fields. */
export const keyFieldMail = (head: string, from = "alice@customer.example") =>
  mail(`From: ${from}
To: support@desk.example
Subject: Backup job fails
Content-Type: text/plain; charset=utf-8

${head}The nightly backup job fails with code 17.
`);
