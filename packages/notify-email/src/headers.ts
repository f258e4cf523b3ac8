/**
 * Header safety and threading. A display name or address with CR or LF could end the header
 * and start a new one (header injection), so both are refused with an error value; a subject
 * is text the ticket's author chose, so its line breaks and control characters are folded to
 * single spaces instead. Threading: every notice of a ticket refers to one virtual root message,
 * `<ticket.{ticketId}@{domain}>`, so mail clients thread them and intake can find the ticket.
 */
import { type EmailError, fail, ok, type Result } from "./errors.js";

export interface MailAddress {
  readonly name?: string;
  readonly address: string;
}

const LINE_BREAK = /[\r\n]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point here.
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: runs of control characters are folded to a space.
const CONTROL_RUN = /[\u0000-\u001f\u007f]+/g;
// The last label excludes `.`, so only the last dot can end the domain's middle part: with `.`
// allowed there, a long dotted domain ending in a bad character backtracked quadratically.
const ADDRESS = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\.]+$/;

const injection = (field: string, what: string): EmailError => ({
  code: "EMAIL_HEADER_INJECTION",
  field,
  message: `${field}: the ${what} contains a line break (CR or LF), which could inject mail headers; refused`,
});

/** Checks a mailbox: no line breaks or control characters in name or address, a plausible address. */
export const checkMailbox = (field: string, box: MailAddress): Result<MailAddress> => {
  if (LINE_BREAK.test(box.address)) return fail(injection(field, "address"));
  if (box.name !== undefined && LINE_BREAK.test(box.name)) return fail(injection(field, "display name"));
  if (CONTROL.test(box.address) || !ADDRESS.test(box.address)) {
    return fail({
      code: "EMAIL_INVALID_ADDRESS",
      field,
      message: `${field}: ${JSON.stringify(box.address)} is not a mail address like name@example.com`,
    });
  }
  if (box.name !== undefined && CONTROL.test(box.name)) {
    return fail({
      code: "EMAIL_INVALID_ADDRESS",
      field,
      message: `${field}: the display name contains control characters`,
    });
  }
  return ok(box);
};

/** Folds a subject onto one line: every run of line breaks, tabs and control characters becomes one space. */
export const foldSubject = (subject: string): string => subject.replace(CONTROL_RUN, " ").replace(/ {2,}/g, " ").trim();

/** `s` without leading and trailing dots (an index scan: `/\.+$/g` is quadratic on a run of dots). */
const trimDots = (s: string): string => {
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === ".") start++;
  while (end > start && s[end - 1] === ".") end--;
  return s.slice(start, end);
};

/** Keeps only characters that are safe in a Message-ID's left part. */
const idPart = (s: string): string => trimDots(s.replace(/[^A-Za-z0-9._-]+/g, "."));

/** The virtual root message of a ticket's thread. */
export const ticketThreadId = (ticketId: string, domain: string): string => `<ticket.${idPart(ticketId)}@${domain}>`;

/** The Message-ID of one notice: stable per intent, so a resent notice is recognisably the same mail. */
export const noticeMessageId = (intentId: string, domain: string): string => `<${idPart(intentId)}@${domain}>`;

/**
 * Reads the ticket id back from a thread reference (for intake). The domain part stops at the
 * next `<` as well as at `>`, so each `<ticket.` start scans only up to the next one: linear.
 * A reference that is not text (a header parsed into something else) has no ticket id.
 */
export const ticketIdFromThread = (reference: string): string | undefined =>
  typeof reference === "string" ? /<ticket\.([0-9A-HJKMNP-TV-Z]{26})@[^<>]+>/.exec(reference)?.[1] : undefined;
