/**
 * The main flow: a mail without a tag opens a ticket for its sender; a mail with a tag is a
 * customer comment on that ticket when the sender is its requester (or allowed); and the
 * commands are ones the core decodes and decides (a reply resumes or reopens per its rules).
 */
import {
  type CommandOf,
  commandCodecs,
  decodeCommand,
  PolicyCoreC,
  type TicketState,
  ticketDecider,
} from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  ACME,
  NOW,
  options,
  pcPriorities,
  plainMail,
  replyMail,
  TICKET_10034,
  tickets,
} from "./fixtures.test-support.js";
import { type IntakeOptions, type IntakeResult, parseInboundMail } from "./index.js";

const right = (r: E.Either<unknown, IntakeResult>): IntakeResult => {
  if (E.isLeft(r)) throw new Error(`expected a command, got ${JSON.stringify(r.left)}`);
  return r.right;
};

const codeOf = (r: E.Either<{ code: string }, unknown>): string | undefined => (E.isLeft(r) ? r.left.code : undefined);

describe("a mail without a tag opens a ticket", () => {
  it("makes the sender the requester, on the email channel, at the caller's now", async () => {
    const result = right(await parseInboundMail(plainMail, options()));
    expect(result.kind).toBe("open");
    const command = result.command as CommandOf<"open">;
    expect(command).toMatchObject({
      type: "open",
      tenantId: ACME,
      at: NOW,
      actor: { kind: "requester", id: "alice@customer.example", name: "Alice Example" },
      data: {
        subject: "Printer on floor 3 is offline",
        description: 'The printer on floor 3 shows "offline" since this morning.\nRestarting it did not help.',
        category: "incident",
        channel: "email",
        requester: { id: "alice@customer.example", email: "alice@customer.example", name: "Alice Example" },
      },
    });
    expect(command.ticketId).toBe("01JNQ500000000000000000001");
  });

  it("produces a command that passes the core's decodeCommand", async () => {
    const { command } = right(await parseInboundMail(plainMail, options()));
    const wire = commandCodecs.open.encode(command as CommandOf<"open">);
    expect(E.isRight(decodeCommand(JSON.parse(JSON.stringify(wire))))).toBe(true);
  });

  it("takes the category from the options", async () => {
    const { command } = right(await parseInboundMail(plainMail, options({ category: "consultation" })));
    expect((command as CommandOf<"open">).data.category).toBe("consultation");
  });
});

describe("a mail with a subject tag", () => {
  const tagged = (from: string, subject = "Re: [#10034] Printer on floor 3 is offline") => replyMail(from, subject);

  it("from the ticket's requester is a public customer comment (address compared case-insensitively)", async () => {
    const result = right(await parseInboundMail(tagged("ALICE@customer.example"), options()));
    expect(result).toMatchObject({ kind: "comment", tag: "10034" });
    expect(result.command).toMatchObject({
      type: "comment",
      ticketId: TICKET_10034,
      tenantId: ACME,
      actor: { kind: "requester", id: "alice@customer.example" },
      data: { body: "It is still offline after the update.", visibility: "public" },
    });
    const wire = commandCodecs.comment.encode(result.command as CommandOf<"comment">);
    expect(E.isRight(decodeCommand(JSON.parse(JSON.stringify(wire))))).toBe(true);
  });

  const colleagues: [string, string | undefined, IntakeOptions["isAllowedSender"]][] = [
    ["no isAllowedSender", "SENDER_NOT_ALLOWED", undefined],
    ["isAllowedSender says no", "SENDER_NOT_ALLOWED", () => false],
    ["isAllowedSender says yes", undefined, () => true],
    ["isAllowedSender resolves yes", undefined, async () => true],
  ];
  it.each(colleagues)("from a colleague with %s → %s", async (_, code, isAllowedSender) => {
    const opts = isAllowedSender === undefined ? options() : options({ isAllowedSender });
    const result = await parseInboundMail(tagged("carol@customer.example"), opts);
    expect(codeOf(result)).toBe(code);
    if (E.isRight(result))
      expect(result.right.command.actor).toMatchObject({ kind: "requester", id: "carol@customer.example" });
  });

  it("asks isAllowedSender with the sender and the ticket", async () => {
    const asked: unknown[] = [];
    await parseInboundMail(
      tagged("Carol <carol@customer.example>"),
      options({
        isAllowedSender: (s, t) => {
          asked.push([s, t]);
          return false;
        },
      }),
    );
    expect(asked).toEqual([[{ address: "carol@customer.example", name: "Carol" }, tickets["10034"]]]);
  });

  it("for an unknown ticket is refused by default, with a reply", async () => {
    const result = await parseInboundMail(tagged("alice@customer.example", "Re: [#99999] hello"), options());
    expect(codeOf(result)).toBe("UNKNOWN_TICKET");
    expect(E.isLeft(result) && result.left.reply?.text).toContain("[#99999]");
  });

  it("for an unknown ticket opens a new one when unknownTag is open", async () => {
    const result = right(
      await parseInboundMail(tagged("alice@customer.example", "Re: [#99999] hello"), options({ unknownTag: "open" })),
    );
    expect(result.kind).toBe("open");
  });

  it("naming another tenant's ticket is refused even though resolveTag returned it", async () => {
    const result = await parseInboundMail(tagged("alice@customer.example", "Re: [#20001] hello"), options());
    expect(result).toMatchObject(E.left({ code: "FOREIGN_TICKET", tag: "20001", ticketTenantId: "globex" }));
  });

  it("gives the same reply for unknown, foreign and not-allowed, so tags cannot be probed", async () => {
    const replies = await Promise.all(
      [
        tagged("alice@customer.example", "Re: [#99999] x"),
        tagged("alice@customer.example", "Re: [#20001] x"),
        tagged("mallory@evil.example", "Re: [#10034] x"),
      ].map(async (m) => {
        const r = await parseInboundMail(m, options());
        return E.isLeft(r) ? r.left.reply?.text.replace(/\[#\d+\]/, "[#N]") : undefined;
      }),
    );
    expect(replies[0]).toBeDefined();
    expect(new Set(replies).size).toBe(1);
  });

  it("naming two different tickets is refused; the same tag twice is one tag", async () => {
    expect(codeOf(await parseInboundMail(tagged("alice@customer.example", "[#10034] and [#10035]"), options()))).toBe(
      "AMBIGUOUS_TAG",
    );
    expect(
      codeOf(await parseInboundMail(tagged("alice@customer.example", "Re: [#10034] Re: [#10034]"), options())),
    ).toBeUndefined();
  });

  it("uses a configurable tag format", async () => {
    const opts = options({ tagFormat: { prefix: "[Ticket#", suffix: "]" } });
    const zammad = right(await parseInboundMail(tagged("alice@customer.example", "AW: [Ticket#10034] Drucker"), opts));
    expect(zammad).toMatchObject({ kind: "comment", tag: "10034" });
    const plain = right(await parseInboundMail(tagged("alice@customer.example", "Re: [#10034] Drucker"), opts));
    expect(plain.kind).toBe("open");
  });

  it("asks resolveTag within the mailbox's tenant", async () => {
    const asked: string[] = [];
    const resolveTag = async (tenant: string, tag: string) => {
      asked.push(`${tenant}/${tag}`);
      return tickets[tag];
    };
    await parseInboundMail(tagged("alice@customer.example"), options({ resolveTag }));
    expect(asked).toEqual(["acme/10034"]);
  });
});

describe("the core decides the commands intake makes", () => {
  const policy = E.getOrElseW((): never => {
    throw new Error("bad policy");
  })(PolicyCoreC.decode({ id: "p-d", name: "web ticket system", priorities: pcPriorities }));
  const decider = ticketDecider(policy);
  const run = (state: TicketState, command: unknown): TicketState => {
    const decoded = decodeCommand(command);
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    const events = decider.decide(decoded.right, state);
    if (E.isLeft(events)) throw new Error(events.left.message);
    return decider.fold(events.right, state);
  };

  it.each([
    ["a resolved ticket is reopened", "resolve", { resolution: "Replaced the toner." }, "open"],
    ["a ticket awaiting the customer resumes", "await-customer", { reason: "more-information" }, "open"],
  ] as const)("%s by the requester's reply mail", async (_, staffAction, staffData, expected) => {
    const opened = right(await parseInboundMail(plainMail, options()));
    const id = opened.command.ticketId;
    let state = decider.fold(
      E.getOrElseW(() => [])(decider.decide(opened.command, decider.initialState)),
      decider.initialState,
    );
    const staff = { kind: "agent", id: "agent-1" };
    state = run(state, {
      type: "accept",
      ticketId: id,
      tenantId: ACME,
      at: "2025-03-03T13:05:00Z",
      actor: staff,
      data: {},
    });
    state = run(state, {
      type: staffAction,
      ticketId: id,
      tenantId: ACME,
      at: "2025-03-03T14:00:00Z",
      actor: staff,
      data: staffData,
    });
    const resolveTag = async () => ({ ticketId: id, requesterEmail: "alice@customer.example", tenantId: "acme" });
    const reply = right(
      await parseInboundMail(
        replyMail("alice@customer.example", "Re: [#1] Printer"),
        options({ resolveTag, now: NOW + 7_200_000 }),
      ),
    );
    const events = decider.decide(reply.command, state);
    expect(E.isRight(events)).toBe(true);
    expect(decider.fold(E.getOrElseW(() => [])(events), state).status).toBe(expected);
  });
});
