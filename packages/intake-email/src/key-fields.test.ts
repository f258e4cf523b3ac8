/**
 * P-C key fields: the mail registers a ticket only when it starts with `Login:` (a known
 * customer) and `Priority:`; a missing or unknown login is refused with a reply saying why; a
 * missing or malformed priority becomes the default (4 Low); the lines leave the description.
 */
import type { CommandOf } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { keyFieldMail, options, pcPriorities, replyMail } from "./fixtures.test-support.js";
import { type IntakeCustomer, parseInboundMail, readKeyFields } from "./index.js";

const customers: Record<string, IntakeCustomer> = {
  "C-1001": { id: "C-1001", organisation: "Customer Ltd", contractId: "SC-2025-17", tier: "vip" },
  "C-1002": { id: "C-1002" },
};
const pc = options({
  keyFields: { login: { lookup: async (login) => customers[login] }, priority: true },
  priorities: pcPriorities,
});

describe("P-C key fields", () => {
  it.each([
    ["Login and Priority", "Login: C-1001\nPriority: 1\n\n", "1", false],
    ["Priority before Login, lower-case labels", "priority: 2\nlogin: C-1001\n", "2", false],
    ["priority by name", "Login: C-1001\nPriority: High\n\n", "2", false],
    ["missing priority", "Login: C-1001\n\n", "4", true],
    ["malformed priority", "Login: C-1001\nPriority: urgent!!!\n\n", "4", true],
    ["empty priority", "Login: C-1001\nPriority:\n\n", "4", true],
  ])("%s → priority %s (defaulted: %s)", async (_, head, priority, defaulted) => {
    const result = await parseInboundMail(keyFieldMail(head), pc);
    if (E.isLeft(result) || result.right.kind !== "open") throw new Error(JSON.stringify(result));
    expect(result.right.priority).toMatchObject({ priority, defaulted });
    const command = result.right.command as CommandOf<"open">;
    // A defaulted priority is left for the core to default, so `opened` records priorityDefaulted.
    expect(command.data.priority).toBe(defaulted ? undefined : priority);
    expect(command.data.description).toBe("The nightly backup job fails with code 17.");
  });

  it.each([
    ["Priority: 2", "2", false],
    ["Priority: High", "4", true],
    ["Priority: high", "4", true],
    ["Priority:  1 ", "1", false],
  ])(
    "keyFieldValues: ids — %s → priority %s (defaulted: %s): a name is not the required format",
    async (line, priority, defaulted) => {
      const literal = options({
        keyFields: { login: { lookup: async (login) => customers[login] }, priority: true },
        priorities: { ...pcPriorities, keyFieldValues: "ids" },
      });
      const result = await parseInboundMail(keyFieldMail(`Login: C-1001\n${line}\n\n`), literal);
      if (E.isLeft(result) || result.right.kind !== "open") throw new Error(JSON.stringify(result));
      expect(result.right.priority).toMatchObject({ priority, defaulted });
      expect((result.right.command as CommandOf<"open">).data.priority).toBe(defaulted ? undefined : priority);
    },
  );

  it("fills contract, organisation and tier from the customer", async () => {
    const result = await parseInboundMail(keyFieldMail("Login: C-1001\nPriority: 3\n"), pc);
    expect(E.isRight(result) && result.right.command.data).toMatchObject({
      contractId: "SC-2025-17",
      organisation: "Customer Ltd",
      customerTier: "vip",
    });
    const bare = await parseInboundMail(keyFieldMail("Login: C-1002\n"), pc);
    expect(E.isRight(bare) && bare.right.command.data).toMatchObject({ contractId: "C-1002" });
  });

  it.each([
    ["no key fields at all", "", "MISSING_LOGIN", "must start with the key fields"],
    ["only a priority", "Priority: 1\n\n", "MISSING_LOGIN", "Login: <your contract number>"],
    ["login below the text", "Hello,\nLogin: C-1001\n", "MISSING_LOGIN", "must start with the key fields"],
    ["an empty login", "Login:\nPriority: 1\n", "MISSING_LOGIN", "must start with the key fields"],
    ["an unknown login", "Login: C-9999\nPriority: 1\n", "UNKNOWN_LOGIN", 'the login "C-9999" is not known'],
  ])("%s is refused with %s and a reply saying why", async (_, head, code, says) => {
    const result = await parseInboundMail(keyFieldMail(head, "Alice <alice@customer.example>"), pc);
    expect(result).toMatchObject(E.left({ code }));
    if (E.isRight(result)) return;
    expect(result.left.reply?.to).toBe("alice@customer.example");
    expect(result.left.reply?.subject).toBe("Re: Backup job fails");
    expect(result.left.reply?.text).toContain(says);
  });

  it("key fields and nothing else is a missing description", async () => {
    const raw = keyFieldMail("Login: C-1001\nPriority: 1\n").replace("The nightly backup job fails with code 17.", "");
    expect(await parseInboundMail(raw, pc)).toMatchObject(E.left({ code: "MISSING_BODY" }));
  });

  it("passes the login and the sender to the lookup", async () => {
    const asked: unknown[] = [];
    const lookup = async (login: string, sender: unknown) => {
      asked.push([login, sender]);
      return customers[login];
    };
    await parseInboundMail(keyFieldMail("Login:   C-1001  \n"), options({ keyFields: { login: { lookup } } }));
    expect(asked).toEqual([["C-1001", { address: "alice@customer.example" }]]);
  });

  it("a lookup that throws is a CALLBACK_FAILED refusal without a reply", async () => {
    const lookup = async () => {
      throw new Error("directory offline");
    };
    const result = await parseInboundMail(
      keyFieldMail("Login: C-1001\n"),
      options({ keyFields: { login: { lookup } } }),
    );
    expect(result).toMatchObject(
      E.left({ code: "CALLBACK_FAILED", callback: "login.lookup", reason: "directory offline" }),
    );
    expect(E.isLeft(result) && result.left.reply).toBeUndefined();
  });

  it("without a scale the raw priority goes to the core, which resolves it", async () => {
    const opts = options({ keyFields: { priority: true } });
    const result = await parseInboundMail(keyFieldMail("Priority: High\n"), opts);
    expect(E.isRight(result) && result.right.command.data).toMatchObject({ priority: "High" });
  });

  it("replies on a ticket need no key fields, and a leading block is stripped", async () => {
    const plain = await parseInboundMail(replyMail("alice@customer.example", "Re: [#10034] x", "Thanks, works."), pc);
    expect(E.isRight(plain) && plain.right.command.data).toMatchObject({ body: "Thanks, works." });
    const keyed = await parseInboundMail(
      replyMail("alice@customer.example", "Re: [#10034] x", "Login: C-1001\n\nThanks."),
      pc,
    );
    expect(E.isRight(keyed) && keyed.right.command.data).toMatchObject({ body: "Thanks." });
  });
});

describe("readKeyFields", () => {
  it.each([
    ["\n\nLogin: a\nPriority: 2\n\nText", { login: "a", priority: "2", rest: "Text" }],
    ["Login: a\nLogin: b\nText", { login: "a", rest: "Text" }],
    ["Subject: x\nLogin: a", { rest: "Subject: x\nLogin: a" }],
    ["Login: a\u0000\u001b[31m\nText", { login: "a [31m", rest: "Text" }],
    ["Text only", { rest: "Text only" }],
  ])("%j → %j", (body, expected) => {
    expect(readKeyFields(body)).toEqual(expected);
  });
});
