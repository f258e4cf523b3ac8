/**
 * Reading raw RFC 822 bytes with mailparser, bounded: the raw size is checked before any
 * parsing, HTML-to-text conversion has its own cap, and every parser failure (thrown or
 * rejected) becomes a value. An oversized mail is not parsed; only its header block (at most
 * 64 KiB) is read, to find out whom to tell.
 */
import * as E from "fp-ts/lib/Either.js";
import { type ParsedMail, simpleParser } from "mailparser";
import type { IntakeLimits } from "./options.js";
import type { RefusalDetails } from "./refusal.js";

const HEAD_LIMIT = 64 * 1024;

const parse = async (raw: Buffer, maxHtmlChars: number): Promise<E.Either<string, ParsedMail>> => {
  try {
    const mail = await simpleParser(raw, {
      skipTextToHtml: true,
      skipImageLinks: true,
      skipTextLinks: true,
      keepCidLinks: true,
      maxHtmlLengthToParse: maxHtmlChars,
    });
    return E.right(mail);
  } catch (error) {
    return E.left(error instanceof Error ? error.message : String(error));
  }
};

/** Raw input as bytes; a string is taken as the mail's UTF-8 (or 7-bit) text. */
export const toBytes = (raw: Buffer | string): Buffer => (typeof raw === "string" ? Buffer.from(raw, "utf8") : raw);

/** Parses the mail, or refuses it as too large (raw bytes, HTML) or unreadable. */
export const readMail = async (raw: Buffer, limits: IntakeLimits): Promise<E.Either<RefusalDetails, ParsedMail>> => {
  if (raw.byteLength > limits.maxRawBytes) {
    return E.left({ code: "MAIL_TOO_LARGE", size: raw.byteLength, limit: limits.maxRawBytes });
  }
  const parsed = await parse(raw, limits.maxHtmlChars);
  if (E.isRight(parsed)) return parsed;
  // mailparser rejects with "HTML too long for parsing <n> bytes" when maxHtmlLengthToParse is hit.
  const tooLongHtml = /HTML too long for parsing (\d+)/i.exec(parsed.left);
  return E.left(
    tooLongHtml
      ? { code: "BODY_TOO_LONG", length: Number(tooLongHtml[1]), limit: limits.maxHtmlChars }
      : { code: "MALFORMED_MAIL", reason: parsed.left.slice(0, 200) },
  );
};

/** Only the header block of a mail (for replying to an oversized one); `undefined` if unreadable. */
export const readHead = async (raw: Buffer): Promise<ParsedMail | undefined> => {
  const window = raw.subarray(0, HEAD_LIMIT);
  const crlf = window.indexOf("\r\n\r\n");
  const lf = window.indexOf("\n\n");
  const ends = [crlf, lf].filter((i) => i >= 0);
  if (ends.length === 0) return undefined;
  const head = Buffer.concat([window.subarray(0, Math.min(...ends)), Buffer.from("\r\n\r\n")]);
  const parsed = await parse(head, 0);
  return E.isRight(parsed) ? parsed.right : undefined;
};
