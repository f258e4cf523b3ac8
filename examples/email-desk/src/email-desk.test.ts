/**
 * The email desk end to end with real mail on loopback: a new mail opens a ticket and the
 * customer's confirmation (with the `[#number]` tag) reaches the mail catcher; a reply carrying
 * the tag becomes a comment on that ticket; when the clock passes P-D's 4-hour response target
 * the timer worker records the breach and the team lead is told by mail; every webhook delivery
 * carries a signature the receiver verifies. Then mail threads and loops: an answer to the
 * confirmation finds the ticket by its thread headers though its subject lost the tag; an
 * out-of-office answer opens nothing and is not answered; a refused mail is answered in P-D's
 * language (German). Embedded PGlite in memory, one desk for the file.
 */
import { HOUR, MINUTE } from "@ticketfold/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulatedClock } from "./clock.js";
import { type EmailDesk, startEmailDesk } from "./desk.js";
import { sendToDesk } from "./mailer.js";
import { type HookReceiver, type MailCatcher, startHookReceiver, startMailCatcher } from "./peers.js";

const SECRET = "whsec-email-desk-test";
const CARLA = "carla@customer.example";
const LEAD = "lead@desk.example";
const clock = simulatedClock();
let catcher: MailCatcher;
let hooks: HookReceiver;
let desk: EmailDesk;

beforeAll(async () => {
  catcher = await startMailCatcher();
  hooks = await startHookReceiver(SECRET);
  desk = await startEmailDesk({
    clock,
    outgoingSmtp: { host: "127.0.0.1", port: catcher.port },
    webhook: { url: hooks.url, secret: SECRET },
    lead: LEAD,
  });
});
afterAll(async () => {
  await desk?.close();
  await catcher?.close();
  await hooks?.close();
});

const eventsOf = async (ticketId: string) => (await desk.store.readStream(desk.tenantId, ticketId)).events;

describe("examples/email-desk", () => {
  let ticketId = "";

  it("a new mail opens a ticket, and the customer's confirmation carries the tag", async () => {
    await sendToDesk(desk.intakePort, {
      from: `Carla <${CARLA}>`,
      subject: "Printer on floor 3 is offline",
      text: "Since this morning the printer shows offline.",
    });
    expect(desk.intakeLog).toMatchObject([{ kind: "opened", number: "10001" }]);
    ticketId = (desk.intakeLog[0] as { ticketId: string }).ticketId;
    expect((await eventsOf(ticketId)).map((e) => e.type)).toEqual(["opened"]);
    const report = await desk.dispatch();
    expect(report.delivered).toHaveLength(1);
    const confirmation = catcher.mails.find((m) => m.to.includes(CARLA));
    expect(confirmation?.subject).toContain("[#10001]");
    expect(confirmation?.messageId).toContain("ticket-opened");
  });

  it("a reply carrying the tag becomes the customer's comment on that ticket", async () => {
    clock.advance(30 * MINUTE);
    await sendToDesk(desk.intakePort, {
      from: CARLA,
      subject: "Re: [#10001] Printer on floor 3 is offline",
      text: "It still does not print.",
    });
    expect(desk.intakeLog[1]).toEqual({ kind: "commented", ticketId, number: "10001", via: "tag" });
    const comment = (await eventsOf(ticketId)).at(-1);
    expect(comment?.type).toBe("commented");
    expect(comment?.data).toMatchObject({ body: "It still does not print.", author: "customer", visibility: "public" });
  });

  it("past the 4-hour response target the timer worker records the breach and the lead is mailed", async () => {
    expect((await desk.runTimers()).claimed).toBe(0);
    clock.advance(3 * HOUR + 30 * MINUTE);
    const run = await desk.runTimers();
    expect(run.tickets).toEqual([{ tenantId: desk.tenantId, ticketId, applied: ["record-sla-breach"] }]);
    expect((await eventsOf(ticketId)).map((e) => e.type)).toEqual(["opened", "commented", "sla-breached"]);
    expect((await desk.runTimers()).claimed).toBe(0);
    await desk.dispatch();
    const alert = catcher.mails.find((m) => m.to.includes(LEAD));
    expect(alert?.subject).toContain("[#10001]");
    expect(alert?.messageId).toContain("sla-breach");
  });

  it("every webhook delivery was signed, verified by the receiver, and sent once", async () => {
    expect(hooks.received.map((r) => r.rule)).toEqual(["ticket-opened", "sla-breach"]);
    expect(hooks.received.every((r) => r.verified && !r.repeat && r.ticketId === ticketId)).toBe(true);
    expect(await desk.store.outbox.entries({ status: "pending" })).toEqual([]);
  });

  it("an answer to the confirmation reaches the ticket by its thread, though the subject lost the tag", async () => {
    const confirmation = catcher.mails.find((m) => m.to.includes(CARLA));
    expect(confirmation?.references).toBe(`<ticket.${ticketId}@desk.example>`);
    await sendToDesk(desk.intakePort, {
      from: CARLA,
      subject: "Re: Printer on floor 3",
      text: "It prints again since the update.",
      inReplyTo: confirmation?.messageId ?? "",
      references: `${confirmation?.references} ${confirmation?.messageId}`,
    });
    expect(desk.intakeLog.at(-1)).toEqual({ kind: "commented", ticketId, number: "10001", via: "thread" });
    expect((await eventsOf(ticketId)).at(-1)?.data).toMatchObject({ body: "It prints again since the update." });
  });

  it("an out-of-office answer to a notice opens no ticket and is not answered", async () => {
    const confirmation = catcher.mails.find((m) => m.to.includes(CARLA));
    const [tickets, mails] = [desk.numbers, catcher.mails.length];
    const before = (await eventsOf(ticketId)).length;
    await sendToDesk(desk.intakePort, {
      from: CARLA,
      subject: `Abwesenheitsnotiz: ${confirmation?.subject}`,
      text: "Ich bin bis Montag nicht im Büro.",
      inReplyTo: confirmation?.messageId ?? "",
    });
    expect(desk.intakeLog.at(-1)).toMatchObject({ kind: "refused", code: "AUTO_SUBMITTED" });
    expect(desk.intakeLog.at(-1)).not.toHaveProperty("replied");
    expect((await eventsOf(ticketId)).length).toBe(before);
    expect(tickets.numberOf(desk.tenantId, ticketId)).toBe("10001");
    await desk.dispatch();
    expect(catcher.mails.length).toBe(mails);
  });

  it("a refused mail is answered in the policy's language (P-D: German), marked as an automatic reply", async () => {
    const mails = catcher.mails.length;
    await sendToDesk(desk.intakePort, { from: CARLA, subject: "", text: "Der Scanner geht auch nicht." });
    expect(desk.intakeLog.at(-1)).toMatchObject({ kind: "refused", code: "MISSING_SUBJECT", replied: true });
    const reply = catcher.mails.slice(mails).find((m) => m.to.includes(CARLA));
    expect(reply?.subject).toBe("Ihre Nachricht an den Support");
    expect(reply?.raw).toMatch(/^Auto-Submitted: auto-replied$/m);
    expect(reply?.raw).toContain("Ihre Nachricht hat keinen Betreff");
  });
});
