import type { Locale } from "@ticketfold/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, intentsOf, startSmtp, TICKET } from "./fixtures.test-support.js";
import { createEmailChannel, type EmailChannel, ticketIdFromThread } from "./index.js";

const TAG = `[#${TICKET.slice(-10)}]`;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let channel: EmailChannel;

beforeAll(async () => {
  smtp = await startSmtp();
  channel = createEmailChannel({ smtp: smtp.smtp, from: { name: "Desk", address: "desk@desk.example" } });
});
afterAll(async () => {
  channel.close();
  await smtp.close();
});

/** Sends and returns what the SMTP server received for this send. */
const deliver = async (ch: EmailChannel, ...args: Parameters<EmailChannel["send"]>) => {
  const before = smtp.received.length;
  const result = await ch.send(...args);
  return { result, got: smtp.received.slice(before) };
};

describe("mail over a real SMTP server", () => {
  it.each<[Locale, string, string, string]>([
    ["en", "Ticket received: Printer on fire", "we have received your request", "Resolution: Replaced the fuser"],
    ["de", "Ticket erhalten: Printer on fire", "wir haben Ihre Anfrage", "Lösung: Replaced the fuser"],
    ["ru", "Заявка принята: Printer on fire", "Мы получили ваше обращение", "Решение: Replaced the fuser"],
  ])("%s: tag in the subject, thread headers, text and HTML bodies", async (locale, subject, greeting, resolution) => {
    const [intent] = intentsOf([events.opened()], locale);
    const { result, got } = await deliver(channel, intent!);
    expect(result).toMatchObject({ status: "sent", accepted: ["kim@contoso.example"], rejected: [] });
    expect(got).toHaveLength(1);
    const { mail, rcptTo } = got[0]!;
    expect(rcptTo).toEqual(["kim@contoso.example"]);
    expect(mail.subject).toBe(`${TAG} ${subject}`);
    expect(mail.messageId).toBe(`<evt-1.ticket-opened.requester@desk.example>`);
    expect(mail.inReplyTo).toBe(`<ticket.${TICKET}@desk.example>`);
    expect(mail.references).toBe(`<ticket.${TICKET}@desk.example>`);
    expect(ticketIdFromThread(String(mail.inReplyTo))).toBe(TICKET);
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.headers.get("x-ticketfold-ticket")).toBe(TICKET);
    expect(mail.text).toContain(greeting);
    expect(mail.text).toContain(TAG);
    expect(mail.html).toContain(`<a href="https://desk.example/t/${TICKET}">`);

    const [resolved] = intentsOf([events.opened(), events.resolved()], locale);
    const sent = await deliver(channel, resolved!);
    expect(sent.got[0]?.mail.text).toContain(resolution);
    // Auto-close time (3 days after 10:02 UTC) shown in the notice's language.
    const day = { en: "March 6, 2025", de: "6. März 2025", ru: "6 марта 2025" }[locale];
    expect(sent.got[0]?.mail.text).toContain(day);
  });

  it("HTML-escapes values in the HTML body and keeps them verbatim in the text body", async () => {
    const body = `<script>alert("x")</script> & {link}`;
    const [reply] = intentsOf([events.opened(), events.agentReply(body)]);
    const { got } = await deliver(channel, reply!);
    const { mail } = got[0]!;
    expect(mail.text).toContain(body);
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {link}");
    expect(mail.html).not.toContain("<script>");
  });

  it("folds a subject with CR/LF safely: one line, no injected header, no extra recipient", async () => {
    const [intent] = intentsOf([events.opened("Help\r\nBcc: evil@attacker.example\r\n\r\nbody")]);
    const { result, got } = await deliver(channel, intent!);
    expect(result.status).toBe("sent");
    const { mail, rcptTo, raw } = got[0]!;
    expect(rcptTo).toEqual(["kim@contoso.example"]);
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has("bcc")).toBe(false);
    const headerBlock = raw.split(/\r?\n\r?\n/)[0] ?? "";
    expect(headerBlock).not.toMatch(/^Bcc:/im);
    expect(headerBlock).toMatch(/^Subject: /m);
    expect(mail.subject).toBe(`${TAG} Ticket received: Help Bcc: evil@attacker.example body`);
  });

  it.each([
    [
      "a display name with CR/LF",
      { name: "Kim\r\nBcc: evil@attacker.example", address: "kim@contoso.example" },
      "to[0]",
    ],
    ["an address with LF", { name: "Kim", address: "kim@contoso.example\nBcc: evil@attacker.example" }, "to[0]"],
  ])("refuses %s with a clear error and sends nothing", async (_what, recipient, field) => {
    const [intent] = intentsOf([events.opened()]);
    const { result, got } = await deliver(channel, intent!, [{ role: "requester", ...recipient }]);
    expect(result).toMatchObject({ status: "failed", error: { code: "EMAIL_HEADER_INJECTION", field } });
    expect(result.status === "failed" && result.error.message).toMatch(/line break/);
    expect(got).toHaveLength(0);
  });

  it("refuses a sender name with CR/LF", async () => {
    const bad = createEmailChannel({
      smtp: smtp.smtp,
      from: { name: "Desk\r\nX-Evil: 1", address: "desk@desk.example" },
    });
    const [intent] = intentsOf([events.opened()]);
    const { result, got } = await deliver(bad, intent!);
    bad.close();
    expect(result).toMatchObject({ status: "failed", error: { code: "EMAIL_HEADER_INJECTION", field: "from" } });
    expect(got).toHaveLength(0);
  });

  it("uses the user's template override and keeps the tag", async () => {
    const custom = createEmailChannel({
      smtp: smtp.smtp,
      from: "desk@desk.example",
      templates: { de: { "ticket-opened": { subject: "Danke! {subject}", text: "Nr. {number}: {subject}" } } },
    });
    const [intent] = intentsOf([events.opened()], "de");
    const { got } = await deliver(custom, intent!);
    custom.close();
    expect(got[0]?.mail.subject).toBe(`${TAG} Danke! Printer on fire`);
    expect(got[0]?.mail.text?.trim()).toBe(`Nr. ${TICKET.slice(-10)}: Printer on fire`);
  });

  it("a 550 from the server is a failed, non-retryable delivery", async () => {
    const [intent] = intentsOf([events.opened("x", "Kim", "kim@reject.example")]);
    const { result } = await deliver(channel, intent!);
    expect(result).toMatchObject({
      status: "failed",
      error: { code: "EMAIL_SEND_FAILED", retryable: false, responseCode: 550 },
    });
  });

  it("skips an intent whose recipients have no address", async () => {
    const [intent] = intentsOf([events.opened()]);
    const { result, got } = await deliver(channel, intent!, [{ role: "assignee", id: "agent-7" }]);
    expect(result).toEqual({ status: "skipped", intentId: intent!.id, reason: "no-address" });
    expect(got).toHaveLength(0);
  });

  it("an unknown template key fails with EMAIL_TEMPLATE_MISSING", async () => {
    const [intent] = intentsOf([events.opened()]);
    const result = await channel.send({ ...intent!, templateKey: "app-custom" });
    expect(result).toMatchObject({
      status: "failed",
      error: { code: "EMAIL_TEMPLATE_MISSING", templateKey: "app-custom" },
    });
  });
});
