/**
 * Hostile and broken mail: each gets a clear refusal value, never a crash, never a write to
 * the wrong ticket. Oversize is checked before parsing; header tricks (CR/LF in encoded
 * words, several or no From, spoofed display names, tags hidden in encoded words or drawn
 * with look-alike characters) cannot move a mail onto someone else's ticket.
 */
import type { CommandOf } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { mail, options, replyMail, TICKET_10034 } from "./fixtures.test-support.js";
import { type IntakeOptions, parseInboundMail } from "./index.js";

const b64 = (s: string) => Buffer.from(s).toString("base64");
const headed = (headers: string, body = "Something is broken.") => mail(`${headers}\n\n${body}\n`);
const outcome = async (raw: Buffer | string, opts: IntakeOptions = options()) => {
  const result = await parseInboundMail(raw, opts);
  return E.isLeft(result)
    ? { code: result.left.code, reply: result.left.reply }
    : { kind: result.right.kind, command: result.right.command };
};

describe("oversized mail is refused before parsing", () => {
  it("raw bytes over the limit: MAIL_TOO_LARGE, replying to the sender found in the header block", async () => {
    const raw = headed("From: Alice <alice@customer.example>\nSubject: Big", "x".repeat(20_000));
    const result = await parseInboundMail(raw, options({ limits: { maxRawBytes: 10_000 } }));
    expect(result).toMatchObject(E.left({ code: "MAIL_TOO_LARGE", limit: 10_000 }));
    expect(E.isLeft(result) && result.left.reply).toMatchObject({ to: "alice@customer.example", subject: "Re: Big" });
  });

  it("a 26 MiB mail with the default limit is refused without being parsed", async () => {
    const raw = Buffer.concat([
      Buffer.from(headed("From: a@customer.example\nSubject: Huge", "")),
      Buffer.alloc(26 * 1024 * 1024, 0x61),
    ]);
    expect(await outcome(raw)).toMatchObject({ code: "MAIL_TOO_LARGE", reply: { to: "a@customer.example" } });
  });

  it("an oversized mail without a header block gets no reply", async () => {
    expect(await outcome("x".repeat(2_000), options({ limits: { maxRawBytes: 1_000 } }))).toEqual({
      code: "MAIL_TOO_LARGE",
      reply: undefined,
    });
  });

  it.each([
    ["text over maxBodyChars", "Content-Type: text/plain", "y ".repeat(60_000), { maxBodyChars: 100_000 }],
    ["HTML over maxHtmlChars", "Content-Type: text/html", `<p>${"z".repeat(5_000)}</p>`, { maxHtmlChars: 1_000 }],
  ])("%s: BODY_TOO_LONG", async (_, contentType, body, limits) => {
    const raw = headed(`From: a@customer.example\nSubject: Long\n${contentType}`, body);
    expect(await outcome(raw, options({ limits }))).toMatchObject({
      code: "BODY_TOO_LONG",
      reply: { to: "a@customer.example", subject: "Re: Long" },
    });
  });
});

describe("broken encodings never crash", () => {
  it.each([
    ["invalid base64 body", "Content-Transfer-Encoding: base64", "!!!@@@###", { code: "MISSING_BODY" }],
    ["invalid quoted-printable", "Content-Transfer-Encoding: quoted-printable", "caf=E9 =ZZ =\n", { kind: "open" }],
    ["an unknown charset", "Content-Type: text/plain; charset=x-no-such-charset", "caf\u00e9", { kind: "open" }],
    ["invalid UTF-8", "Content-Type: text/plain; charset=utf-8", "\u00ff\u00fe broken", { kind: "open" }],
    ["an unknown transfer encoding", "Content-Transfer-Encoding: x-uuencode-ish", "hello", { kind: "open" }],
    [
      "an unterminated multipart",
      'Content-Type: multipart/mixed; boundary="q"',
      "--q\nContent-Type: text/plain\n\nhello",
      { kind: "open" },
    ],
    ["a multipart without its boundary", "Content-Type: multipart/mixed", "hello", { code: "MISSING_BODY" }],
  ])("%s", async (_, header, body, expected) => {
    const raw = Buffer.from(headed(`From: a@customer.example\nSubject: Broken\n${header}`, body), "latin1");
    expect(await outcome(raw)).toMatchObject(expected);
  });

  it("NUL and escape characters are removed from the text", async () => {
    const result = await outcome(headed("From: a@customer.example\nSubject: x", "hel\u0000lo \u001b[31mred"));
    expect((result.command as CommandOf<"open">).data.description).toBe("hello [31mred");
  });
});

describe("header tricks", () => {
  const crlfSubject = `=?utf-8?B?${b64("Help\r\nBcc: victim@elsewhere.example")}?=`;

  it("CR/LF in an encoded-word subject is flattened in the ticket and in the reply", async () => {
    const opened = await outcome(headed(`From: a@customer.example\nSubject: ${crlfSubject}`));
    expect((opened.command as CommandOf<"open">).data.subject).toBe("Help Bcc: victim@elsewhere.example");
    const refused = await outcome(headed(`From: a@customer.example\nSubject: ${crlfSubject}`, ""));
    expect(refused.code).toBe("MISSING_BODY");
    expect(refused.reply?.subject).toBe("Re: Help Bcc: victim@elsewhere.example");
    expect(refused.reply?.subject).not.toMatch(/[\r\n]/);
  });

  it("CR/LF in an encoded-word display name is flattened", async () => {
    const raw = headed(`From: =?utf-8?B?${b64("Eve\r\nBcc: x@y.example")}?= <eve@customer.example>\nSubject: x`);
    const result = await outcome(raw);
    expect(result.command?.actor).toEqual({ kind: "requester", id: "eve@customer.example" });
  });

  it.each([
    ["two From headers", "From: alice@customer.example\nFrom: mallory@evil.example", "AMBIGUOUS_SENDER"],
    ["two addresses in From", "From: alice@customer.example, mallory@evil.example", "AMBIGUOUS_SENDER"],
    ["no From", "To: support@desk.example", "MISSING_SENDER"],
    ["an empty group as From", "From: Undisclosed recipients:;", "MISSING_SENDER"],
    ["an empty From", "From: ", "MISSING_SENDER"],
    ["a From that is no address", "From: alice", "INVALID_SENDER"],
    ["a From with a bare domain", "From: alice@localhost", "INVALID_SENDER"],
  ])("%s: %s, with no reply", async (_, from, code) => {
    const result = await outcome(headed(`${from}\nSubject: Re: [#10034] hello`));
    expect(result).toEqual({ code, reply: undefined });
  });

  it.each([
    ["the requester's address as display name", '"alice@customer.example" <mallory@evil.example>'],
    [
      "the requester's name and address as display name",
      '"Alice Example <alice@customer.example>" <mallory@evil.example>',
    ],
    ["a Reply-To of the requester", "mallory@evil.example\nReply-To: alice@customer.example"],
    ["a Sender of the requester", "mallory@evil.example\nSender: alice@customer.example"],
  ])("a spoofed %s does not make the mail the requester's", async (_, from) => {
    const result = await outcome(headed(`From: ${from}\nSubject: Re: [#10034] hello`));
    expect(result.code).toBe("SENDER_NOT_ALLOWED");
    expect(result.reply?.to).toBe("mallory@evil.example");
  });

  it("a display name that looks like an address is not shown as the requester's name", async () => {
    const result = await outcome(headed('From: "support@desk.example" <mallory@evil.example>\nSubject: Refund'));
    expect((result.command as CommandOf<"open">).data.requester).toEqual({
      id: "mallory@evil.example",
      email: "mallory@evil.example",
    });
  });

  it("a tag hidden in an encoded word counts as a tag, and passes the same checks", async () => {
    const subject = `=?utf-8?B?${b64("Re: [#10034] hello")}?=`;
    expect(await outcome(headed(`From: mallory@evil.example\nSubject: ${subject}`))).toMatchObject({
      code: "SENDER_NOT_ALLOWED",
    });
    const ok = await outcome(headed(`From: alice@customer.example\nSubject: ${subject}`));
    expect(ok).toMatchObject({ kind: "comment", command: { ticketId: TICKET_10034 } });
  });

  it.each([
    ["full-width brackets and number sign", "［＃10034］ hello"],
    ["full-width digits", "[#１００３４] hello"],
    ["Arabic-Indic digits", "[#١٠٠٣٤] hello"],
    ["a tag split by a zero-width space", "[#100\u200b34] hello"],
  ])("a look-alike tag (%s) names no ticket: a new ticket is opened", async (_, text) => {
    const result = await outcome(headed(`From: alice@customer.example\nSubject: =?utf-8?B?${b64(text)}?=`));
    expect(result.kind).toBe("open");
  });

  it("a tag only in the body or In-Reply-To does not attach the mail to a ticket", async () => {
    const raw = headed(
      "From: alice@customer.example\nIn-Reply-To: <[#10034]@desk.example>\nSubject: hello",
      "About [#10034]",
    );
    expect((await outcome(raw)).kind).toBe("open");
  });
});

describe("empty mail", () => {
  it.each([
    ["no subject header", "From: a@customer.example", "text", "MISSING_SUBJECT"],
    ["a blank subject", "From: a@customer.example\nSubject:   ", "text", "MISSING_SUBJECT"],
    [
      "a subject of control characters",
      `From: a@customer.example\nSubject: =?utf-8?B?${b64("\r\n\t")}?=`,
      "text",
      "MISSING_SUBJECT",
    ],
    ["no body", "From: a@customer.example\nSubject: x", "", "MISSING_BODY"],
    ["a blank body", "From: a@customer.example\nSubject: x", " \n\t\n ", "MISSING_BODY"],
    ["a blank reply", "From: alice@customer.example\nSubject: Re: [#10034]", "", "MISSING_BODY"],
  ])("%s: %s with a reply", async (_, headers, body, code) => {
    const result = await outcome(headed(headers, body));
    expect(result.code).toBe(code);
    expect(result.reply?.to).toMatch(/@customer\.example$/);
  });

  it.each([
    ["an empty string", ""],
    ["blank lines", "\r\n\r\n\r\n"],
    ["binary noise", Buffer.from([0, 255, 1, 254, 13, 10, 13, 10, 7])],
  ])("%s: MISSING_SENDER", async (_, raw) => {
    expect(await outcome(raw)).toEqual({ code: "MISSING_SENDER", reply: undefined });
  });
});

describe("automatic mail", () => {
  it.each([
    ["auto-replied", "AUTO_SUBMITTED"],
    ["auto-generated", "AUTO_SUBMITTED"],
    ["no", undefined],
  ])("Auto-Submitted: %s → %s", async (value, code) => {
    const result = await outcome(headed(`From: a@customer.example\nAuto-Submitted: ${value}\nSubject: Out of office`));
    expect(result.code).toBe(code);
    expect(result.reply).toBeUndefined();
  });
});

describe("callbacks that misbehave", () => {
  const reply = replyMail("alice@customer.example", "Re: [#10034] x");
  const misbehaving: [string, string, string, Partial<IntakeOptions>][] = [
    ["resolveTag throws", "CALLBACK_FAILED", reply, { resolveTag: () => Promise.reject(new Error("db down")) }],
    [
      "isAllowedSender throws",
      "CALLBACK_FAILED",
      replyMail("carol@customer.example", "[#10034] x"),
      {
        isAllowedSender: () => {
          throw new Error("x");
        },
      },
    ],
    [
      "newTicketId throws",
      "CALLBACK_FAILED",
      replyMail("a@customer.example", "new"),
      {
        newTicketId: () => {
          throw new Error("no ids");
        },
      },
    ],
    [
      "newTicketId returns no ULID",
      "INVALID_COMMAND",
      replyMail("a@customer.example", "new"),
      { newTicketId: () => "ticket-1" },
    ],
    [
      "resolveTag returns a malformed ticket id",
      "INVALID_COMMAND",
      reply,
      { resolveTag: async () => ({ ticketId: "x", requesterEmail: "alice@customer.example", tenantId: "acme" }) },
    ],
    ["now is not a number", "INVALID_COMMAND", replyMail("a@customer.example", "new"), { now: Number.NaN }],
  ];
  it.each(misbehaving)("%s: %s without a reply", async (_, code, raw, overrides) => {
    expect(await outcome(raw, options(overrides))).toEqual({ code, reply: undefined });
  });
});
