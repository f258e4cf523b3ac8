/**
 * Refusal replies speak the mailbox's language: `locale` is the policy's
 * `notifications.locale` (P-C's is `ru`, P-D's `de`). The operator's `message` stays English.
 * Every refusal answered in English is answered in German and Russian too, and the three tag
 * refusals keep one shared text in every language (probing tags reveals nothing).
 */
import type { Locale } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type IntakeOptions, intakeRefusalCodes, parseInboundMail, type RefusalDetails } from "./index.js";
import { crlf, deskOptions, mailWithHeaders } from "./mail-texts.test-support.js";
import { refuse } from "./refusal-texts.js";

const pc = (locale: Locale | undefined): IntakeOptions =>
  deskOptions({
    locale,
    keyFields: { login: { lookup: async (login) => (login === "C-1001" ? { id: "C-1001" } : undefined) } },
  });

const refusalOf = async (raw: string, options: IntakeOptions) => {
  const result = await parseInboundMail(raw, options);
  if (E.isRight(result)) throw new Error("expected a refusal");
  return result.left;
};

describe("refusal replies in the policy's language", () => {
  const noLogin = crlf("From: ivan.petrov@zakazchik.example\nSubject: Сервер недоступен\n\nСервер не отвечает.\n");

  it("P-C (locale ru): a mail without Login: is answered in Russian", async () => {
    const refusal = await refusalOf(noLogin, pc("ru"));
    expect(refusal.code).toBe("MISSING_LOGIN");
    expect(refusal.reply?.subject).toBe("Re: Сервер недоступен");
    expect(refusal.reply?.text).toContain("Ваше письмо не зарегистрировано");
    expect(refusal.reply?.text).toContain("Login: <номер вашего договора>");
    expect(refusal.reply?.text).toMatch(/Это автоматическое сообщение службы поддержки\.$/);
    expect(refusal.message).toBe("mail does not start with the Login key field");
  });

  it.each([
    ["de", "Ihre Nachricht wurde nicht erfasst", "Dies ist eine automatische Nachricht des Supports."],
    ["en", "Your mail was not registered", "This is an automatic message from the support desk."],
    [undefined, "Your mail was not registered", "This is an automatic message from the support desk."],
  ] as const)("locale %s", async (locale, says, closing) => {
    const refusal = await refusalOf(noLogin, pc(locale));
    expect(refusal.reply?.text).toContain(says);
    expect(refusal.reply?.text.endsWith(closing)).toBe(true);
  });

  it.each([
    ["de", "Ihre Nachricht an den Support"],
    ["ru", "Ваше письмо в службу поддержки"],
    ["en", "Your mail to the support desk"],
  ] as const)("a mail without a subject: the reply's subject in %s", async (locale, subject) => {
    const refusal = await refusalOf(mailWithHeaders("X-Mailer: x", "text"), deskOptions({ locale }));
    expect(refusal).toMatchObject({ code: "MISSING_SUBJECT", reply: { subject } });
  });

  it("sizes are shown in the reply's language", async () => {
    const raw = mailWithHeaders("Subject: Logs", "x".repeat(2 * 1024 * 1024));
    const limits = { maxRawBytes: 1.5 * 1024 * 1024 };
    expect((await refusalOf(raw, deskOptions({ limits, locale: "de" }))).reply?.text).toContain("bis 1,5 MiB an");
    expect((await refusalOf(raw, deskOptions({ limits, locale: "ru" }))).reply?.text).toContain("до 1,5 МиБ");
    expect((await refusalOf(raw, deskOptions({ limits }))).reply?.text).toContain("up to 1.5 MiB");
  });
});

describe("every language answers the same refusals", () => {
  const sample: Record<string, RefusalDetails> = {
    MAIL_TOO_LARGE: { code: "MAIL_TOO_LARGE", size: 30_000_000, limit: 26_214_400 },
    MALFORMED_MAIL: { code: "MALFORMED_MAIL", reason: "x" },
    AUTO_SUBMITTED: { code: "AUTO_SUBMITTED", signal: "bounce", header: "return-path: <>" },
    MISSING_SENDER: { code: "MISSING_SENDER" },
    AMBIGUOUS_SENDER: { code: "AMBIGUOUS_SENDER", count: 2 },
    INVALID_SENDER: { code: "INVALID_SENDER", address: "x" },
    MISSING_SUBJECT: { code: "MISSING_SUBJECT" },
    MISSING_BODY: { code: "MISSING_BODY" },
    BODY_TOO_LONG: { code: "BODY_TOO_LONG", length: 100_001, limit: 100_000 },
    ATTACHMENT_TOO_LARGE: { code: "ATTACHMENT_TOO_LARGE", scope: "file", file: "a.log", size: 1, limit: 1 },
    TOO_MANY_ATTACHMENTS: { code: "TOO_MANY_ATTACHMENTS", count: 21, limit: 20 },
    AMBIGUOUS_TAG: { code: "AMBIGUOUS_TAG", tags: ["1", "2"] },
    UNKNOWN_TICKET: { code: "UNKNOWN_TICKET", tag: "7" },
    FOREIGN_TICKET: { code: "FOREIGN_TICKET", tag: "7", ticketTenantId: "globex" },
    SENDER_NOT_ALLOWED: { code: "SENDER_NOT_ALLOWED", tag: "7", sender: "m@evil.example" },
    MISSING_LOGIN: { code: "MISSING_LOGIN" },
    UNKNOWN_LOGIN: { code: "UNKNOWN_LOGIN", login: "C-9" },
    CALLBACK_FAILED: { code: "CALLBACK_FAILED", callback: "resolveTag", reason: "x" },
    INVALID_COMMAND: { code: "INVALID_COMMAND", issues: [] },
  };
  const replyIn = (locale: Locale, details: RefusalDetails) =>
    refuse(details, { replyTo: "a@customer.example", subject: "s", showTag: (t) => `[#${t}]`, locale }).reply?.text;

  it.each(intakeRefusalCodes)("%s", (code) => {
    const details = sample[code] as RefusalDetails;
    const answered = (["en", "de", "ru"] as const).map((l) => replyIn(l, details) !== undefined);
    expect(new Set(answered).size).toBe(1);
  });

  it.each(["en", "de", "ru"] as const)("%s: the three tag refusals share one text", (locale) => {
    const texts = ["UNKNOWN_TICKET", "FOREIGN_TICKET", "SENDER_NOT_ALLOWED"].map((c) =>
      replyIn(locale, sample[c] as RefusalDetails),
    );
    expect(texts[0]).toContain("[#7]");
    expect(new Set(texts).size).toBe(1);
  });
});
