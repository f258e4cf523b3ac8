/**
 * docs/email-intake.md stays true: its example is the type-checked one in docs-example.test-support.ts
 * (and runs), and its refusal table lists every refusal code the package has.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TicketCommand } from "@ticketfold/core";
import { describe, expect, it } from "vitest";
import { handleInboundMail } from "./docs-example.test-support.js";
import { keyFieldMail, pcPriorities, TICKET_10034, tickets, ulids } from "./fixtures.test-support.js";
import { type IntakeReply, intakeRefusalCodes } from "./index.js";

const doc = readFileSync(fileURLToPath(new URL("../../../docs/email-intake.md", import.meta.url)), "utf8");
const example = readFileSync(fileURLToPath(new URL("./docs-example.test-support.ts", import.meta.url)), "utf8");

const region = (source: string, name: string): string => {
  const start = source.indexOf(`// #region ${name}\n`);
  const end = source.indexOf(`// #endregion ${name}`);
  if (start < 0 || end < 0) throw new Error(`no region ${name}`);
  return source.slice(start + `// #region ${name}\n`.length, end);
};

describe("docs/email-intake.md", () => {
  it("prints the checked example verbatim", () => {
    expect(doc).toContain(region(example, "handle-inbound-mail"));
  });

  it.each(intakeRefusalCodes)("documents %s in the refusals table", (code) => {
    expect(doc).toMatch(new RegExp(`^\\| \`${code}\` +\\|`, "m"));
  });

  it("the example opens a P-C ticket, comments, and replies to a refused mail", async () => {
    const sent: IntakeReply[] = [];
    const handled: TicketCommand[] = [];
    const deps = {
      clock: () => Date.parse("2025-03-03T13:00:00Z"),
      newTicketId: ulids(),
      ticketByTag: async (_tenant: string, tag: string) => tickets[tag],
      ticketById: async (_tenant: string, id: string) => Object.values(tickets).find((t) => t.ticketId === id),
      policy: { notifications: { locale: "ru" as const } }, // P-C's policy says ru
      sameOrganisation: (a: string, b: string) => a.split("@")[1] === b.split("@")[1]?.toLowerCase(),
      customerByLogin: async (login: string) => (login === "C-1001" ? { id: "C-1001" } : undefined),
      priorities: pcPriorities,
      send: async (reply: IntakeReply) => void sent.push(reply),
      handle: async (command: TicketCommand) => void handled.push(command),
    };
    expect(await handleInboundMail(Buffer.from(keyFieldMail("Login: C-1001\nPriority: 1\n")), deps)).toMatchObject({
      accepted: "open",
    });
    const colleague = keyFieldMail("Thanks!\n", "carol@customer.example").replace(
      "Backup job fails",
      "Re: [#10034] Backup",
    );
    expect(await handleInboundMail(Buffer.from(colleague), deps)).toEqual({
      accepted: "comment",
      ticketId: TICKET_10034,
    });
    expect(await handleInboundMail(Buffer.from(keyFieldMail("Login: nope\n")), deps)).toEqual({
      refused: "UNKNOWN_LOGIN",
    });
    const answer = keyFieldMail("Fixed, thanks.\n")
      .replace("Backup job fails", "Re: Backup job fails")
      .replace(
        "To: support@desk.example",
        `To: support@desk.example\r\nReferences: <ticket.${TICKET_10034}@desk.example>`,
      );
    expect(await handleInboundMail(Buffer.from(answer), deps)).toEqual({ accepted: "comment", ticketId: TICKET_10034 });
    expect(handled.map((c) => c.type)).toEqual(["open", "comment", "comment"]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe("alice@customer.example");
    expect(sent[0]?.text).toContain("логин «nope» нам неизвестен");
  });
});
