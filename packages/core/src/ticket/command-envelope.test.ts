/**
 * The command envelope at the boundary: payload-less commands decode without `"data": {}`, and
 * every command may carry a `commandId` (idempotency key) and a `correlationId`, each 1–128
 * printable ASCII characters; anything else is refused naming the path.
 */
import { TENANT, TICKET } from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decodeCommand } from "./codec.js";
import { commandTypes } from "./commands.js";

const envelope = { ticketId: TICKET, tenantId: TENANT, at: "2025-03-03T09:00:00Z", actor: { kind: "agent", id: "a1" } };

describe("payload-less commands decode without data", () => {
  it.each(["accept", "close", "reopen", "approve-change", "reject-change", "request-escalation"] as const)(
    "%s with no data decodes as data {}",
    (type) => {
      expect(decodeCommand({ type, ...envelope })).toEqual(E.right(expect.objectContaining({ type, data: {} })));
    },
  );

  it("a command whose payload has required fields still needs them", () => {
    const decoded = decodeCommand({ type: "comment", ...envelope });
    expect(decoded).toEqual(E.left(expect.objectContaining({ code: "INVALID_COMMAND" })));
    expect(
      E.isLeft(decoded) && decoded.left.code === "INVALID_COMMAND" && decoded.left.issues.map((i) => i.path),
    ).toEqual(expect.arrayContaining(["data"]));
  });

  it("data given is decoded as before (null is not absent)", () => {
    expect(decodeCommand({ type: "close", ...envelope, data: { reason: "duplicate" } })).toEqual(
      E.right(expect.objectContaining({ data: { reason: "duplicate" } })),
    );
    expect(E.isLeft(decodeCommand({ type: "close", ...envelope, data: null }))).toBe(true);
  });

  it("exactly the types whose payload has no required field may leave it out", () => {
    const optional = commandTypes.filter((type) => E.isRight(decodeCommand({ type, ...envelope })));
    expect(optional.sort()).toEqual(
      ["accept", "approve-change", "close", "reject-change", "reopen", "request-escalation"].sort(),
    );
  });
});

describe("commandId and correlationId", () => {
  it("are optional and kept when given", () => {
    const decoded = decodeCommand({ type: "accept", ...envelope, commandId: "01JNDG9Q000000000000000000" });
    expect(decoded).toEqual(E.right(expect.objectContaining({ commandId: "01JNDG9Q000000000000000000" })));
    expect(E.isRight(decoded) && "correlationId" in decoded.right).toBe(false);
    expect(decodeCommand({ type: "accept", ...envelope, commandId: "k-1", correlationId: "req-7" })).toEqual(
      E.right(expect.objectContaining({ commandId: "k-1", correlationId: "req-7" })),
    );
  });

  it.each([
    ["empty", ""],
    ["129 characters", "k".repeat(129)],
    ["a space", "two words"],
    ["a control character", "k\u0000"],
    ["non-ASCII", "ключ"],
    ["a number", 42],
    ["null", null],
  ])("a commandId that is %s is refused naming commandId", (_name, commandId) => {
    expect(decodeCommand({ type: "accept", ...envelope, commandId })).toEqual(
      E.left(expect.objectContaining({ issues: [expect.objectContaining({ path: "commandId" })] })),
    );
    expect(decodeCommand({ type: "accept", ...envelope, correlationId: commandId })).toEqual(
      E.left(expect.objectContaining({ issues: [expect.objectContaining({ path: "correlationId" })] })),
    );
  });

  it("128 printable ASCII characters are a commandId", () => {
    const commandId = "A-z0~!".repeat(22).slice(0, 128);
    expect(decodeCommand({ type: "accept", ...envelope, commandId })).toEqual(
      E.right(expect.objectContaining({ commandId })),
    );
  });
});
