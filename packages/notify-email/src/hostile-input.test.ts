/**
 * Every pattern the mail channel runs over text it did not write (addresses, names, subjects,
 * comment bodies, ids, thread references) takes time linear in it. Each reader runs under a
 * `node:vm` timeout, which interrupts a backtracking regular expression, so a regression fails
 * within a second instead of blocking the run. The bounds are generous: a linear read of
 * 100,000 characters takes a few milliseconds.
 */
import vm from "node:vm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkMailbox, foldSubject, noticeMessageId, ticketIdFromThread, ticketThreadId } from "./headers.js";
import { displayValues, escapeHtml, htmlFromText, renderTemplate } from "./render.js";

const SIZE = 100_000;
const finishesWithin = <A>(ms: number, work: () => A): A =>
  vm.runInNewContext("work()", { work }, { timeout: ms }) as A;

const runs = (pieces: readonly string[]) =>
  fc
    .array(fc.record({ piece: fc.constantFrom(...pieces), times: fc.integer({ min: 1, max: SIZE }) }), {
      minLength: 1,
      maxLength: 6,
    })
    .map((xs) =>
      xs
        .map((x) => x.piece.repeat(x.times))
        .join("")
        .slice(0, SIZE),
    );

const ULID = "01JNQ4X8Z6VJ3C0A5T0H7YB2QK";

describe("the mail channel reads hostile text in linear time", () => {
  it.each([
    ["a dotted domain ending in a blank", `a@${"a.".repeat(SIZE / 2)} `],
    ["a dotted domain ending in a quote", `a@${"b.".repeat(SIZE / 2)}"`],
  ])("checkMailbox: %s is refused within a second", (_, address) => {
    const checked = finishesWithin(1_000, () => checkMailbox("to[0]", { address }));
    expect(checked.ok ? "ok" : checked.error.code).toBe("EMAIL_INVALID_ADDRESS");
  });

  it("noticeMessageId: a run of dots inside an id", () => {
    const id = finishesWithin(1_000, () => noticeMessageId(`x${".".repeat(SIZE)}x/rule/role`, "d.example"));
    expect(id.startsWith("<x.")).toBe(true);
  });

  it("ticketIdFromThread: a 300,000-character References of `<ticket.` starts without an end", () => {
    const references = `<ticket.${ULID}@`.repeat((3 * SIZE) / 35);
    expect(finishesWithin(1_000, () => ticketIdFromThread(references))).toBeUndefined();
    expect(ticketIdFromThread(`${references} ${ticketThreadId(ULID, "desk.example")}`)).toBe(ULID);
  });

  const pieces = [" ", "\n", "\r", "\t", ".", "@", "<", ">", "ticket.", ULID, "{", "}", "{?a}", "{/a}", "&", "x", "1"];
  it.each([
    ["foldSubject", (s: string) => foldSubject(s)],
    ["checkMailbox", (s: string) => checkMailbox("to[0]", { address: `a@${s}`, name: s })],
    ["noticeMessageId", (s: string) => noticeMessageId(s, "d.example")],
    ["ticketIdFromThread", (s: string) => ticketIdFromThread(s)],
    ["escapeHtml", (s: string) => escapeHtml(s)],
    ["htmlFromText", (s: string) => htmlFromText(s, "https://desk.example/t/1")],
    [
      "renderTemplate with the text as a value",
      (s: string) => renderTemplate("{?body}{body}{/body} {body}", { body: s }),
    ],
    ["displayValues", (s: string) => displayValues({ subject: s, deadline: `2025-01-01T00:00:00.${s}Z` }, "de", "UTC")],
  ])("%s (fast-check, up to 100,000 characters)", (_, read) => {
    fc.assert(
      fc.property(runs(pieces), (text) => {
        finishesWithin(1_000, () => read(text));
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });
});
