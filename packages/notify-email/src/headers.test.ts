import { describe, expect, it } from "vitest";
import { checkMailbox, foldSubject, noticeMessageId, ticketIdFromThread, ticketThreadId } from "./headers.js";

describe("header safety", () => {
  it.each([
    ["plain mailbox", { name: "Kim", address: "kim@x.example" }, "ok"],
    ["CR in the name", { name: "Kim\rX: y", address: "kim@x.example" }, "EMAIL_HEADER_INJECTION"],
    ["LF in the name", { name: "Kim\nX: y", address: "kim@x.example" }, "EMAIL_HEADER_INJECTION"],
    ["CRLF in the address", { address: "kim@x.example\r\nBcc: e@v.example" }, "EMAIL_HEADER_INJECTION"],
    ["no @", { address: "kim" }, "EMAIL_INVALID_ADDRESS"],
    ["two addresses in one", { address: "a@x.example, b@y.example" }, "EMAIL_INVALID_ADDRESS"],
    ["NUL in the name", { name: "K\u0000m", address: "kim@x.example" }, "EMAIL_INVALID_ADDRESS"],
  ])("%s → %s", (_name, box, expected) => {
    const r = checkMailbox("to[0]", box);
    expect(r.ok ? "ok" : r.error.code).toBe(expected);
  });

  it.each([
    ["Help\r\nBcc: e@v.example", "Help Bcc: e@v.example"],
    ["a\n\n\tb", "a b"],
    ["  trimmed  ", "trimmed"],
    ["Заявка № 5", "Заявка № 5"],
  ])("folds %j to one line", (input, expected) => {
    expect(foldSubject(input)).toBe(expected);
  });

  it("thread ids carry the ticket id and read back", () => {
    const id = "01HZX3K9Q7W2E5R8T1Y4V6J0PA";
    expect(ticketIdFromThread(ticketThreadId(id, "desk.example"))).toBe(id);
    expect(noticeMessageId("evt-1/sla-breach/head of support", "d.example")).toBe(
      "<evt-1.sla-breach.head.of.support@d.example>",
    );
  });
});
