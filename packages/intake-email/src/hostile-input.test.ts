/**
 * One mail must never freeze intake. Every reader of untrusted text runs in time linear in its
 * input, so the mail size limit bounds the work. Generous bounds here (a second for a body at
 * the limit, where a linear read takes milliseconds); the real measurement is
 * `bench/src/intake.ts`. Each synchronous reader runs under `finishesWithin`, which interrupts
 * a runaway regular expression, so a regression fails in a second instead of hanging the run.
 */
import { tenantId } from "@ticketfold/core";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { automaticMail } from "./automatic-mail.js";
import { finishesWithin, hostileText } from "./hostile-input.test-support.js";
import {
  defaultIntakeLimits,
  findSubjectTags,
  type IntakeOptions,
  isUsableAddress,
  parseInboundMail,
  readKeyFields,
} from "./index.js";
import { isOutOfOfficeSubject } from "./out-of-office.js";
import { cleanBodyText, cleanHeaderText } from "./sanitize.js";
import { senderOf } from "./sender.js";
import { threadTicketId } from "./thread-reference.js";

const LIMIT = defaultIntakeLimits.maxBodyChars;
const BOUND_MS = 1_000;

const pcOptions = (): IntakeOptions => ({
  tenantId: tenantId("acme"),
  now: Date.parse("2025-03-03T13:00:00Z"),
  newTicketId: () => "01JNQ50000000000000000000A",
  resolveTag: async () => ({
    ticketId: "01JNQ4X8Z6VJ3C0A5T0H7YB2QK",
    requesterEmail: "alice@customer.example",
    tenantId: "acme",
  }),
  keyFields: { login: { lookup: async () => ({ id: "C-1001" }) }, priority: true },
});

/** A well-formed mail carrying `body` as base64 UTF-8 text, as a mail client sends long lines. */
const mailWith = (body: string, subject = "Backup job fails"): Buffer => {
  const b64 = Buffer.from(body, "utf8").toString("base64").replace(/.{76}/g, "$&\r\n");
  return Buffer.from(
    `From: Alice <alice@customer.example>\r\nSubject: ${subject}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Transfer-Encoding: base64\r\n\r\n${b64}\r\n`,
  );
};

describe("the P-C key-field reader is linear", () => {
  it.each([
    ["8,000 spaces then x (seconds before the fix)", `${" ".repeat(8_000)}x`],
    ["a line of spaces the length of the body limit, then x", `${" ".repeat(LIMIT - 1)}x`],
    ["spaces, tabs and no-break spaces then x", `${" \t\u00a0".repeat(LIMIT / 3)}x`],
    ["Priority: prefixes without an end", "Priority:".repeat(LIMIT / 9)],
    ["a label of spaces before a colon", `${" ".repeat(LIMIT - 2)}:x`],
  ])("%s: read within a second", (_, body) => {
    const read = finishesWithin(BOUND_MS, () => readKeyFields(body));
    expect(read.login).toBeUndefined();
  });

  it("a display name of 100,000 quotes between two letters is read within a second", () => {
    const name = `x${'"'.repeat(LIMIT)}x`;
    const sender = finishesWithin(BOUND_MS, () => senderOf(fromHeader(name), [{ key: "from", line: "From: x" }]));
    expect(E.isRight(sender) && sender.right.address).toBe("a@customer.example");
  });

  it("a whole mail of 8,000 spaces then x is answered within a second", async () => {
    const started = performance.now();
    const result = await parseInboundMail(mailWith(`${" ".repeat(8_000)}x`), pcOptions());
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expect(result).toMatchObject(E.left({ code: "MISSING_LOGIN" }));
  });
});

/** Raw header lines `key: text`, as mailparser hands them over. */
const headers = (keys: readonly string[], text: string) => keys.map((key) => ({ key, line: `${key}: ${text}` }));
const AUTOMATIC_HEADERS = [
  "auto-submitted",
  "return-path",
  "content-type",
  "x-autoreply",
  "x-auto-response-suppress",
  "precedence",
  "list-id",
];

/** A parsed From header whose display name is `name` (mailparser's shape). */
const fromHeader = (name: string) => ({ value: [{ address: "a@customer.example", name }], html: "", text: "" });

describe("every reader of untrusted text is linear (fast-check, inputs up to the body limit)", () => {
  const readers: [string, (s: string) => unknown][] = [
    ["readKeyFields", (s) => readKeyFields(s)],
    ["readKeyFields with Russian labels", (s) => readKeyFields(s, { login: ["Логин"], priority: ["Приоритет"] })],
    ["findSubjectTags", (s) => findSubjectTags(s)],
    ["findSubjectTags, Zammad format", (s) => findSubjectTags(s, { prefix: "[Ticket#", suffix: "]", maxDigits: 12 })],
    ["findSubjectTags, an empty prefix", (s) => findSubjectTags(s, { prefix: "", suffix: "", maxDigits: 1e6 })],
    ["cleanBodyText", cleanBodyText],
    ["cleanHeaderText", cleanHeaderText],
    ["isUsableAddress", isUsableAddress],
    ["isUsableAddress of local@text", (s) => isUsableAddress(`a@${s}`)],
    ["the sender's display name", (s) => senderOf(fromHeader(s), [{ key: "from", line: "From: x" }])],
    ["threadTicketId", (s) => threadTicketId(headers(["in-reply-to", "references"], s))],
    ["isOutOfOfficeSubject", isOutOfOfficeSubject],
    [
      "automaticMail",
      (s) =>
        automaticMail(
          { headerLines: headers(AUTOMATIC_HEADERS, s), from: fromHeader(s), subject: s },
          { hasTag: true, listIds: [s] },
        ),
    ],
  ];
  it.each(readers)("%s", (_, read) => {
    fc.assert(
      fc.property(hostileText(LIMIT), (text) => {
        finishesWithin(BOUND_MS, () => read(text));
      }),
      { numRuns: 100, endOnFailure: true },
    );
  });
});

describe("any body up to the limit is read in bounded time, end to end", () => {
  it("hostile References and subject headers (key fields on): an answer within a second", async () => {
    const oneLine = hostileText(LIMIT).map((s) => s.replace(/[\r\n\u2028\u2029]/g, " "));
    await fc.assert(
      fc.asyncProperty(oneLine, async (text) => {
        const raw = Buffer.concat([Buffer.from(`References: ${text}\r\n`), mailWith("Login: C-1001\n\nHelp.", text)]);
        const started = performance.now();
        await parseInboundMail(raw, pcOptions());
        expect(performance.now() - started).toBeLessThan(BOUND_MS);
      }),
      { numRuns: 30, endOnFailure: true },
    );
  });

  it("new mail and replies (key fields on): an answer within a second, never a throw", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(LIMIT), fc.boolean(), async (body, reply) => {
        const started = performance.now();
        const result = await parseInboundMail(mailWith(body, reply ? "Re: [#10034] x" : "Backup"), pcOptions());
        expect(performance.now() - started).toBeLessThan(BOUND_MS);
        expect(E.isLeft(result) || E.isRight(result)).toBe(true);
      }),
      { numRuns: 50, endOnFailure: true },
    );
  });
});
