/**
 * Text of a page cursor: JSON as UTF-8 in base64url (RFC 4648 §5, no padding), so a cursor
 * travels in a URL as it is. Written here because the core has neither `Buffer` nor the DOM's
 * `btoa`/`TextEncoder` in its types (it runs anywhere). Decoding refuses anything that is not
 * the exact encoding of valid UTF-8 (undefined), so a tampered cursor never reaches a query.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const VALUE: ReadonlyMap<string, number> = new Map([...ALPHABET].map((c, i) => [c, i]));

/** UTF-8 bytes of `text` as a string of byte-valued code units (lone surrogates are refused). */
const utf8Bytes = (text: string): string => unescape(encodeURIComponent(text));

/** Base64url of a text's UTF-8 bytes. Throws URIError on a lone surrogate. */
export const toBase64Url = (text: string): string => {
  const bytes = utf8Bytes(text);
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes.charCodeAt(i) << 16) | ((bytes.charCodeAt(i + 1) || 0) << 8) | (bytes.charCodeAt(i + 2) || 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
};

/** The text whose UTF-8 bytes `code` encodes, or undefined when it is no such encoding. */
export const fromBase64Url = (code: string): string | undefined => {
  if (code.length % 4 === 1) return undefined;
  let bytes = "";
  for (let i = 0; i < code.length; i += 4) {
    const chunk = code.slice(i, i + 4);
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const v = k < chunk.length ? VALUE.get(chunk[k] as string) : 0;
      if (v === undefined) return undefined;
      n = (n << 6) | v;
    }
    const count = chunk.length - 1;
    for (let k = 0; k < count; k++) bytes += String.fromCharCode((n >> (16 - 8 * k)) & 255);
  }
  let text: string;
  try {
    text = decodeURIComponent(escape(bytes));
  } catch {
    return undefined;
  }
  // Only the canonical encoding is accepted (unused trailing bits must be zero).
  return toBase64Url(text) === code ? text : undefined;
};
