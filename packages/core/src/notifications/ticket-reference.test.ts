import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ticketLink, ticketNumber, ticketTag } from "./ticket-reference.js";

const ID = "01HZX3K9Q7W2E5R8T1Y4V6J0PA";

describe("ticket references", () => {
  it.each([
    ["derived number: last 10 characters of the ULID", ticketNumber(ID), "T1Y4V6J0PA"],
    ["supplied number wins", ticketNumber(ID, " 10034 "), "10034"],
    ["blank supplied number falls back", ticketNumber(ID, "  "), "T1Y4V6J0PA"],
    ["default tag", ticketTag("[#{number}]", ID, "10034"), "[#10034]"],
    ["tag may show the whole id", ticketTag("[Ticket#{ticketId}]", ID, "x"), `[Ticket#${ID}]`],
    [
      "link",
      ticketLink("https://desk.example/t/{ticketId}?n={number}", ID, "a b"),
      `https://desk.example/t/${ID}?n=a%20b`,
    ],
    ["unknown placeholders stay", ticketTag("[{foo}#{number}]", ID, "7"), "[{foo}#7]"],
  ])("%s", (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it("the derived number is stable and differs for ULIDs that differ in their random part", () => {
    const crockford = fc.constantFrom(..."0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    const ulid = fc.array(crockford, { minLength: 26, maxLength: 26 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(ulid, ulid, (a, b) => {
        expect(ticketNumber(a)).toBe(ticketNumber(a));
        if (a.slice(-10) !== b.slice(-10)) expect(ticketNumber(a)).not.toBe(ticketNumber(b));
      }),
    );
  });
});
