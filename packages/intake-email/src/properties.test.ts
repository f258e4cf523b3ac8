/**
 * Laws of intake, as properties over arbitrary bytes and mutated real mails:
 * - it never throws: the answer is a refusal value or a command;
 * - every command it makes passes the core's `decodeCommand` (after a JSON round trip);
 * - it never writes to the wrong ticket: a comment goes only to a ticket of the mailbox's
 *   tenant whose requester sent the mail;
 * - a reply never carries CR or LF in its subject or address (no header injection).
 */
import { type CommandOf, commandCodecs, decodeCommand, type TicketCommand } from "@ticketfold/core";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  ACME,
  cp1251QpMail,
  germanBase64Mail,
  germanQpMail,
  keyFieldMail,
  koi8Base64Mail,
  koi8EightBitMail,
  mail,
  multipartMail,
  options,
  pcPriorities,
  plainMail,
  replyMail,
  tickets,
} from "./fixtures.test-support.js";
import { type IntakeOptions, type IntakeResult, isIntakeRefusal, parseInboundMail } from "./index.js";

const encode = (command: TicketCommand): unknown =>
  command.type === "open"
    ? commandCodecs.open.encode(command as CommandOf<"open">)
    : commandCodecs.comment.encode(command as CommandOf<"comment">);

/** What every answer must satisfy, whatever the input. */
const checkLaws = (result: E.Either<unknown, IntakeResult>): void => {
  if (E.isLeft(result)) {
    expect(isIntakeRefusal(result.left)).toBe(true);
    const reply = (result.left as { reply?: { to: string; subject: string } }).reply;
    if (reply) expect(`${reply.to}${reply.subject}`).not.toMatch(/[\r\n]/);
    return;
  }
  const { command } = result.right;
  expect(E.isRight(decodeCommand(JSON.parse(JSON.stringify(encode(command)))))).toBe(true);
  expect(command.tenantId).toBe(ACME);
  if (result.right.kind === "comment") {
    const ticket = Object.values(tickets).find((t) => t.ticketId === command.ticketId);
    expect(ticket?.tenantId).toBe(ACME);
    expect(command.actor.id).toBe(ticket?.requesterEmail.toLowerCase());
  }
};

const pcOptions = (): IntakeOptions =>
  options({
    keyFields: { login: { lookup: async (l) => (l === "C-1001" ? { id: "C-1001" } : undefined) }, priority: true },
    priorities: pcPriorities,
  });

const fixtures = [
  plainMail,
  multipartMail,
  germanQpMail,
  germanBase64Mail,
  koi8Base64Mail,
  cp1251QpMail,
  replyMail("alice@customer.example", "Re: [#10034] still broken"),
  replyMail("alice@customer.example", "Re: [#20001] other tenant"),
  keyFieldMail("Login: C-1001\nPriority: 2\n\n"),
].map((m) => Buffer.from(m));
fixtures.push(koi8EightBitMail);

const snippets = [
  "\r\n",
  "\r\n\r\n",
  "\r\nFrom: mallory@evil.example",
  "\r\nSubject: [#10035]",
  "\r\nContent-Transfer-Encoding: base64",
  "\r\nContent-Type: text/html; charset=koi8-r",
  "=?utf-8?B?W#10034]?=",
  "=?x-bogus?Q?=FF?=",
  "[#20001]",
  "[#10034]",
  "\u0000",
  "=\r\n",
  "--==b1==\r\n",
  "Login: C-1001\r\n",
];

type Mutation =
  | { op: "flip"; at: number; byte: number }
  | { op: "insert"; at: number; text: string }
  | { op: "delete"; at: number; length: number }
  | { op: "truncate"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    op: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...snippets), fc.string({ unit: "binary", maxLength: 20 })),
  }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
);

const mutate = (raw: Buffer, m: Mutation): Buffer => {
  const at = raw.length === 0 ? 0 : m.at % raw.length;
  switch (m.op) {
    case "flip": {
      const copy = Buffer.from(raw);
      if (copy.length > 0) copy[at] = m.byte;
      return copy;
    }
    case "insert":
      return Buffer.concat([raw.subarray(0, at), Buffer.from(m.text), raw.subarray(at)]);
    case "delete":
      return Buffer.concat([raw.subarray(0, at), raw.subarray(at + m.length)]);
    case "truncate":
      return raw.subarray(0, at);
  }
};

describe("intake laws", () => {
  it("arbitrary bytes: never throws, refuses or makes a command that decodes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), fc.boolean(), async (bytes, pc) => {
        checkLaws(await parseInboundMail(Buffer.from(bytes), pc ? pcOptions() : options()));
      }),
      { numRuns: 300 },
    );
  });

  it("mutated real mails: never throws, commands decode, comments only reach the requester's own tenant ticket", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (fixture, mutations, pc) => {
          const raw = mutations.reduce(mutate, fixture);
          checkLaws(await parseInboundMail(raw, pc ? pcOptions() : options()));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("arbitrary subjects and senders: a comment only when the sender is that ticket's requester", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "binary", maxLength: 60 }),
        fc.constantFrom("", "[#10034] ", "[#10035] ", "[#20001] ", "[#99999] "),
        fc.constantFrom("alice@customer.example", "bob@customer.example", "mallory@evil.example"),
        fc.boolean(),
        async (text, tag, from, encoded) => {
          const subject = `${tag}${text}`;
          const header = encoded
            ? `=?utf-8?B?${Buffer.from(subject).toString("base64")}?=`
            : subject.replace(/[\r\n]/g, " ");
          const raw = mail(`From: ${from}\nSubject: ${header}\n\nHello.\n`);
          const result = await parseInboundMail(raw, options());
          checkLaws(result);
          if (E.isRight(result) && result.right.kind === "comment") expect(subject).toContain(`[#${result.right.tag}]`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
