/**
 * Mail loops: bounces, auto-replies, bulk and list mail, out-of-office notices. Each is refused
 * as `AUTO_SUBMITTED` with no reply, so no ticket is opened (whose confirmation would answer the
 * robot) and no refusal is sent; the refusal names the signal and the header that decided.
 * Real mail texts through the real intake; each header is tested alone.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type IntakeOptions, parseInboundMail } from "./index.js";
import { deskOptions, mailWithHeaders, postfixBounce, threadRoot } from "./mail-texts.test-support.js";

const outcome = async (raw: string, options: IntakeOptions = deskOptions()) => {
  const result = await parseInboundMail(raw, options);
  return E.isLeft(result)
    ? { code: result.left.code, reply: result.left.reply, ...("signal" in result.left ? result.left : {}) }
    : { kind: result.right.kind };
};

const reply = `In-Reply-To: <evt-1.ticket-opened.requester@desk.example>\nReferences: ${threadRoot("01JNQ4X8Z6VJ3C0A5T0H7YB2QZ")}`;

describe("automatic mail is a loop: no ticket, no reply", () => {
  it("a Postfix delivery report (Return-Path <>, multipart/report, MAILER-DAEMON)", async () => {
    expect(await outcome(postfixBounce)).toMatchObject({
      code: "AUTO_SUBMITTED",
      signal: "bounce",
      header: "return-path: <>",
      reply: undefined,
    });
  });

  it.each([
    ["Auto-Submitted: auto-replied", "auto-submitted", "auto-submitted: auto-replied"],
    ["Auto-Submitted: auto-generated", "auto-submitted", "auto-submitted: auto-generated"],
    ["Return-Path: <>", "bounce", "return-path: <>"],
    ["Return-Path: < >", "bounce", "return-path: <>"],
    [
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      "bounce",
      "content-type: multipart/report; report-type=delivery-status",
    ],
    [
      'Content-Type: multipart/report; report-type=disposition-notification; boundary="b"',
      "auto-reply",
      "content-type: multipart/report; report-type=disposition-notification",
    ],
    ["From: Mail Delivery Subsystem <MAILER-DAEMON@mx.customer.example>", "bounce", "from: mailer-daemon"],
    ["From: MAILER-DAEMON", "bounce", "from: mailer-daemon"],
    ["From: postmaster@customer.example", "bounce", "from: postmaster"],
    ["X-Autoreply: yes", "auto-reply", "x-autoreply: yes"],
    ["X-Autorespond: Thank you for your mail", "auto-reply", "x-autorespond: thank you for your mail"],
    ["X-Auto-Response-Suppress: All", "auto-reply", "x-auto-response-suppress: all"],
    ["Precedence: auto_reply", "auto-reply", "precedence: auto_reply"],
    ["Precedence: bulk", "bulk", "precedence: bulk"],
    ["Precedence: junk", "bulk", "precedence: junk"],
    ["Precedence: list", "mailing-list", "precedence: list"],
    [
      "List-Id: Printer users <printers.customer.example>",
      "mailing-list",
      "list-id: printer users <printers.customer.example>",
    ],
    ["List-Unsubscribe: <mailto:leave@news.example>", "mailing-list", "list-unsubscribe: <mailto:leave@news.example>"],
    ["From: LISTSERV@lists.customer.example", "mailing-list", "from: listserv"],
  ])("%s → %s", async (header, signal, decided) => {
    const raw = mailWithHeaders(`${header}\nSubject: Printer on floor 3 is offline`);
    expect(await outcome(raw)).toMatchObject({ code: "AUTO_SUBMITTED", signal, header: decided, reply: undefined });
  });

  it.each([
    "Automatic reply: Ticket received: Printer on floor 3",
    "Out of Office: Ticket received",
    "Out of Office AutoReply: Ticket received",
    "Auto-Reply: your mail",
    "Abwesenheitsnotiz: Ticket erfasst: Drucker",
    "Automatische Antwort: Ticket erfasst",
    "Автоматический ответ: Заявка принята",
    "Автоответ: Заявка принята",
    "OUT OF OFFICE",
  ])("an out-of-office reply %j", async (subject) => {
    const raw = mailWithHeaders(`${reply}\nSubject: ${subject}`);
    expect(await outcome(raw)).toMatchObject({ code: "AUTO_SUBMITTED", signal: "out-of-office", reply: undefined });
  });

  it("an out-of-office reply that carries only the ticket tag in its subject", async () => {
    const raw = mailWithHeaders("Subject: Automatic reply: [#10034] Ticket received");
    expect(await outcome(raw)).toMatchObject({ code: "AUTO_SUBMITTED", signal: "out-of-office" });
  });
});

describe("mail a person wrote is still taken in", () => {
  it.each([
    ["Auto-Submitted: no", "Subject: Out of office"],
    ["Auto-Submitted: no", `${reply}\nSubject: Automatic reply: fine`],
    ["X-Auto-Response-Suppress: DR, RN, NRN", "Subject: Printer on floor 3"],
    ["Precedence: first-class", "Subject: Printer on floor 3"],
    ["X-Autoreply: no", "Subject: Printer on floor 3"],
    // A new mail (no thread, no tag) about the out-of-office feature itself.
    ["", "Subject: Out of office: my rule does not fire"],
    [reply, "Subject: Re: Automatic reply settings"],
    [reply, "Subject: Printer is out of office hours"],
    [reply, "Subject: Автоматический ответчик не работает"],
  ])("%s / %s → a ticket", async (header, subject) => {
    const raw = mailWithHeaders(header === "" ? subject : `${header}\n${subject}`);
    expect(await outcome(raw)).toEqual({ kind: "open" });
  });

  it("a list that fronts the mailbox (listIds) does not make its mail automatic", async () => {
    const headers =
      "List-Id: Support <support.customer.example>\nList-Unsubscribe: <mailto:x@customer.example>\nPrecedence: list";
    const raw = mailWithHeaders(`${headers}\nSubject: Printer on floor 3`);
    expect(await outcome(raw, deskOptions({ listIds: ["support.customer.example"] }))).toEqual({ kind: "open" });
    expect(await outcome(raw, deskOptions({ listIds: ["other.customer.example"] }))).toMatchObject({
      signal: "mailing-list",
    });
    const bulk = mailWithHeaders(`${headers}\nPrecedence: bulk\nSubject: Printer on floor 3`);
    expect(await outcome(bulk, deskOptions({ listIds: ["Support <support.customer.example>"] }))).toMatchObject({
      signal: "bulk",
    });
  });
});

describe("refusals are never answered where a reply would loop or is unwanted", () => {
  it("X-Auto-Response-Suppress: OOF, AutoReply: the mail may open a ticket, a refusal is not answered", async () => {
    const suppress = "X-Auto-Response-Suppress: OOF, AutoReply";
    expect(await outcome(mailWithHeaders(`${suppress}\nSubject: Printer`))).toEqual({ kind: "open" });
    expect(await outcome(mailWithHeaders(suppress, "text"))).toEqual({ code: "MISSING_SUBJECT", reply: undefined });
    expect(await outcome(mailWithHeaders("Subject: ", "text"))).toMatchObject({
      code: "MISSING_SUBJECT",
      reply: { to: "alice@customer.example" },
    });
  });

  it("an oversized bounce is refused as too large, without a reply", async () => {
    const big = `${postfixBounce}${"x".repeat(5_000)}\r\n`;
    expect(await outcome(big, deskOptions({ limits: { maxRawBytes: 4_000 } }))).toEqual({
      code: "MAIL_TOO_LARGE",
      reply: undefined,
    });
  });
});
