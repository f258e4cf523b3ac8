/** A command's fingerprint ignores its instant and ids but not its type, actor or data. */
import { agent, commandOf, T0, text } from "@ticketfold/testing";
import { describe, expect, it } from "vitest";
import { commandId } from "../shared/ids.js";
import { commandFingerprint } from "./fingerprint.js";

describe("commandFingerprint", () => {
  const base = commandOf("comment", { body: text("Hello") }, { at: T0, actor: agent });
  it("ignores the instant, the command id and the correlation id", () => {
    const retry = { ...base, at: T0 + 60_000, commandId: commandId("k"), correlationId: commandId("c") };
    expect(commandFingerprint(retry)).toBe(commandFingerprint(base));
  });

  it.each([
    ["the data", { ...base, data: { body: text("Hello!") } }],
    ["the actor", { ...base, actor: { ...agent, id: "agent-2" } }],
    ["the type", { ...base, type: "share-plan", data: { plan: text("Hello") } }],
  ])("tells another %s apart", (_name, other) => {
    expect(commandFingerprint(other as typeof base)).not.toBe(commandFingerprint(base));
  });
});
