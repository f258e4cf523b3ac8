/**
 * The sender: the mail's one From address becomes the requester. Identity is the address
 * only, lower-cased; the display name is a label and never decides whose ticket a mail is
 * (`"alice@customer.example" <mallory@evil.example>` is mallory). A display name that looks
 * like an address, or holds control characters, is dropped rather than shown.
 */
import * as E from "fp-ts/lib/Either.js";
import type { AddressObject, HeaderLines } from "mailparser";
import type { RefusalDetails } from "./refusal.js";
import { cleanHeaderText, truncate } from "./sanitize.js";

export interface MailSender {
  /** Lower-cased `local@domain`. */
  readonly address: string;
  readonly name?: string;
}

// Conservative on purpose: one @, no blanks, quotes, brackets, commas or controls, a dotted domain.
const ADDRESS = /^[^\s@<>()[\]\\,;:"\p{Cc}]{1,64}@[^\s@<>()[\]\\,;:"\p{Cc}]{1,190}\.[^\s@<>()[\]\\,;:"\p{Cc}.]{2,63}$/u;

/** Whether `address` is a mail address we are willing to reply to and key a requester on. */
export const isUsableAddress = (address: string): boolean => ADDRESS.test(address) && !address.includes("..");

/** `s` without leading and trailing `"`. An index scan: `/"+$/g` is quadratic on a long run of quotes. */
const trimQuotes = (s: string): string => {
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === '"') start++;
  while (end > start && s[end - 1] === '"') end--;
  return s.slice(start, end);
};

const cleanName = (raw: string | undefined): string | undefined => {
  const name = trimQuotes(cleanHeaderText(raw ?? ""));
  return name === "" || /[@<>]/.test(name) ? undefined : truncate(name, 100);
};

/**
 * Exactly one From header with exactly one mailbox (RFC 5322 allows several authors with a
 * Sender header; a support desk cannot tell which one the ticket belongs to, so it refuses).
 */
export const senderOf = (
  from: AddressObject | undefined,
  headerLines: HeaderLines,
): E.Either<RefusalDetails, MailSender> => {
  const fromHeaders = headerLines.filter((h) => h.key === "from").length;
  if (fromHeaders > 1) return E.left({ code: "AMBIGUOUS_SENDER", count: fromHeaders });
  const mailboxes = (from?.value ?? []).flatMap((a) => (a.group ? a.group : [a]));
  if (mailboxes.length === 0 || fromHeaders === 0) return E.left({ code: "MISSING_SENDER" });
  if (mailboxes.length > 1) return E.left({ code: "AMBIGUOUS_SENDER", count: mailboxes.length });
  const mailbox = mailboxes[0];
  const address = (mailbox?.address ?? "").trim().toLowerCase();
  if (address === "") {
    // `From: alice` parses as a name without an address: something was there, but not a mailbox.
    const said = cleanHeaderText(mailbox?.name ?? "");
    return E.left(said === "" ? { code: "MISSING_SENDER" } : { code: "INVALID_SENDER", address: truncate(said, 200) });
  }
  if (!isUsableAddress(address))
    return E.left({ code: "INVALID_SENDER", address: truncate(cleanHeaderText(address), 200) });
  const name = cleanName(mailbox?.name);
  return E.right(name === undefined ? { address } : { address, name });
};
