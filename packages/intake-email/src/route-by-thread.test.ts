/**
 * Replies find their ticket by thread: notify-email's notices carry the thread root
 * `<ticket.{ticketId}@{domain}>`, and a mail program answering one copies it into `References`
 * (or `In-Reply-To`). Such a reply is a comment on that ticket even when the subject lost its
 * tag, but only on a ticket of the mailbox's tenant, from its requester (or an allowed sender);
 * a forged, foreign or malformed reference routes nowhere and the mail is judged as if it had
 * none. Real mail texts through the real intake.
 */
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type IntakeOptions, parseInboundMail } from "./index.js";
import {
  ACME,
  ALICE_TICKET,
  BOB_TICKET,
  deskOptions,
  GLOBEX_TICKET,
  replyToNotice,
  threadRoot,
  ticketsById,
} from "./mail-texts.test-support.js";

const notice = "<01JNQ6A0000000000000000001.ticket-opened.requester@desk.example>";

const routed = async (raw: string, options: IntakeOptions = deskOptions()) => {
  const result = await parseInboundMail(raw, options);
  if (E.isLeft(result)) return { code: result.left.code, reply: result.left.reply };
  const r = result.right;
  return r.kind === "comment" ? { kind: r.kind, via: r.via, ticketId: r.command.ticketId } : { kind: r.kind };
};

describe("a reply to a notice reaches its ticket by the thread", () => {
  it("References carrying the thread root (the subject lost its tag)", async () => {
    const raw = replyToNotice({ inReplyTo: notice, references: `${threadRoot(ALICE_TICKET)} ${notice}` });
    expect(await routed(raw)).toEqual({ kind: "comment", via: "thread", ticketId: ALICE_TICKET });
  });

  it("In-Reply-To naming the root, folded over two lines with another id", async () => {
    const raw = replyToNotice({ inReplyTo: `<x@mail.example>\n ${threadRoot(ALICE_TICKET)}` });
    expect(await routed(raw)).toEqual({ kind: "comment", via: "thread", ticketId: ALICE_TICKET });
  });

  it("In-Reply-To wins over References; in References the last root (the nearest ancestor) wins", async () => {
    const both = replyToNotice({
      from: "bob@customer.example",
      inReplyTo: threadRoot(BOB_TICKET),
      references: threadRoot(ALICE_TICKET),
    });
    expect(await routed(both)).toEqual({ kind: "comment", via: "thread", ticketId: BOB_TICKET });
    const chain = replyToNotice({ references: `${threadRoot(BOB_TICKET)} ${notice} ${threadRoot(ALICE_TICKET)}` });
    expect(await routed(chain)).toEqual({ kind: "comment", via: "thread", ticketId: ALICE_TICKET });
  });

  it("the thread is the proof, the tag a hint: a usable thread wins over the subject tag", async () => {
    const raw = replyToNotice({ subject: "Re: [#10035] other", references: threadRoot(ALICE_TICKET) });
    expect(await routed(raw)).toEqual({ kind: "comment", via: "thread", ticketId: ALICE_TICKET });
  });

  it("a colleague let in by isAllowedSender", async () => {
    const raw = replyToNotice({ from: "carol@customer.example", references: threadRoot(ALICE_TICKET) });
    const allowed = deskOptions({ isAllowedSender: (s) => s.address.endsWith("@customer.example") });
    expect(await routed(raw, allowed)).toMatchObject({ kind: "comment", via: "thread", ticketId: ALICE_TICKET });
  });

  it("resolveTicket is asked within the mailbox's tenant", async () => {
    const asked: string[] = [];
    const options = deskOptions({
      resolveTicket: async (tenant, id) => {
        asked.push(`${tenant}/${id}`);
        return ticketsById[id];
      },
    });
    await routed(replyToNotice({ references: threadRoot(ALICE_TICKET) }), options);
    expect(asked).toEqual([`acme/${ALICE_TICKET}`]);
  });
});

describe("a reference that cannot be used routes nowhere: the mail is judged without it", () => {
  it.each([
    ["another tenant's ticket (the lookup wrongly returns it)", threadRoot(GLOBEX_TICKET), "alice@customer.example"],
    ["a ticket whose requester is someone else", threadRoot(BOB_TICKET), "alice@customer.example"],
    ["a forged reference by a stranger", threadRoot(ALICE_TICKET), "mallory@evil.example"],
    ["an unknown ticket id", threadRoot("01JNQ4X8Z6VJ3C0A5T0H7YB2QZ"), "alice@customer.example"],
    ["a lower-case id", `<ticket.${ALICE_TICKET.toLowerCase()}@desk.example>`, "alice@customer.example"],
    ["an id one character short", `<ticket.${ALICE_TICKET.slice(1)}@desk.example>`, "alice@customer.example"],
    ["no domain", `<ticket.${ALICE_TICKET}>`, "alice@customer.example"],
    ["an empty domain", `<ticket.${ALICE_TICKET}@>`, "alice@customer.example"],
    ["two @", `<ticket.${ALICE_TICKET}@desk@x.example>`, "alice@customer.example"],
    ["no angle brackets", `ticket.${ALICE_TICKET}@desk.example`, "alice@customer.example"],
    ["an unclosed id", `<ticket.${ALICE_TICKET}@desk.example`, "alice@customer.example"],
    ["a prefix before ticket.", `<x.ticket.${ALICE_TICKET}@desk.example>`, "alice@customer.example"],
  ])("%s: a new ticket, never that one", async (_, references, from) => {
    expect(await routed(replyToNotice({ from, references }))).toEqual({ kind: "open" });
  });

  it("a lookup that answers with a different ticket than asked is not trusted", async () => {
    const options = deskOptions({ resolveTicket: async () => ticketsById[BOB_TICKET] });
    const raw = replyToNotice({ from: "bob@customer.example", references: threadRoot(ALICE_TICKET) });
    expect(await routed(raw, options)).toEqual({ kind: "open" });
  });

  it("an unusable thread leaves the subject tag to decide", async () => {
    const raw = replyToNotice({ subject: "Re: [#10034] x", references: threadRoot(BOB_TICKET) });
    expect(await routed(raw)).toEqual({ kind: "comment", via: "tag", ticketId: ALICE_TICKET });
  });

  it("without resolveTicket, thread headers are not read", async () => {
    const { resolveTicket: _, ...withoutThreads } = deskOptions();
    expect(await routed(replyToNotice({ references: threadRoot(ALICE_TICKET) }), withoutThreads)).toEqual({
      kind: "open",
    });
  });

  it("a failing resolveTicket is CALLBACK_FAILED, without a reply (keep the mail, try again)", async () => {
    const options = deskOptions({ resolveTicket: () => Promise.reject(new Error("db down")) });
    expect(await routed(replyToNotice({ references: threadRoot(ALICE_TICKET) }), options)).toEqual({
      code: "CALLBACK_FAILED",
      reply: undefined,
    });
  });
});

describe("law: whatever the thread headers say, a comment only reaches the sender's own ticket of this tenant", () => {
  const ids = [ALICE_TICKET, BOB_TICKET, GLOBEX_TICKET, "01JNQ4X8Z6VJ3C0A5T0H7YB2QZ"];
  const piece = fc.oneof(
    fc.constantFrom(...ids).map(threadRoot),
    fc.constantFrom(...ids).map((id) => `<ticket.${id}@other.example>`),
    fc.constantFrom("<", ">", " ", "\r\n ", "ticket.", "@", notice, "<a@b>"),
    fc.string({ maxLength: 8 }).map((s) => s.replace(/[\r\n]/g, " ")),
  );
  const header = fc.array(piece, { maxLength: 8 }).map((xs) => xs.join(""));
  const from = fc.constantFrom("alice@customer.example", "bob@customer.example", "mallory@evil.example");

  it("holds for arbitrary In-Reply-To and References", async () => {
    await fc.assert(
      fc.asyncProperty(header, header, from, async (inReplyTo, references, sender) => {
        const result = await parseInboundMail(replyToNotice({ from: sender, inReplyTo, references }), deskOptions());
        if (E.isLeft(result) || result.right.kind !== "comment") return;
        const ticket = ticketsById[result.right.command.ticketId];
        expect(ticket?.tenantId).toBe(ACME);
        expect(ticket?.requesterEmail.toLowerCase()).toBe(sender);
      }),
      { numRuns: 300 },
    );
  });
});
