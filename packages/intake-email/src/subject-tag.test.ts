/** Subject tags: where they are found, and what is not a tag. */
import { describe, expect, it } from "vitest";
import { findSubjectTags, formatSubjectTag } from "./index.js";

describe("findSubjectTags", () => {
  it.each([
    ["[#10034] Printer", ["10034"]],
    ["Re: AW: [#10034] Printer", ["10034"]],
    ["Re: [# 10034 ] spaced", ["10034"]],
    ["[#10034] and [#10035]", ["10034", "10035"]],
    ["Re: [#10034] Re: [#10034]", ["10034"]],
    ["#10034 without brackets", []],
    ["[#] empty", []],
    ["[#1234567890123] thirteen digits", []],
    ["［＃10034］ full-width", []],
    ["[#１００３４] full-width digits", []],
  ])("%j → %j", (subject, tags) => {
    expect(findSubjectTags(subject)).toEqual(tags);
  });

  it("reads a configured format, case-insensitively, with regex characters in it", () => {
    const format = { prefix: "[Ticket#", suffix: "]", maxDigits: 8 };
    expect(findSubjectTags("AW: [ticket#42] (x)", format)).toEqual(["42"]);
    expect(findSubjectTags("[ACME-7.1+] x", { prefix: "[ACME-", suffix: ".1+]", maxDigits: 3 })).toEqual(["7"]);
    expect(findSubjectTags("[ACME-7x1+] x", { prefix: "[ACME-", suffix: ".1+]", maxDigits: 3 })).toEqual([]);
  });

  it("formats a tag the way it is found", () => {
    expect(formatSubjectTag("10034")).toBe("[#10034]");
    expect(findSubjectTags(`Re: ${formatSubjectTag("77")}`)).toEqual(["77"]);
  });
});
