/**
 * Webhook signatures: HMAC-SHA256 over `${timestamp}.${body}` with a shared secret, sent as
 * `Ticketfold-Signature: t=<unix seconds>,v1=<hex>`. Signing the timestamp lets a receiver
 * refuse replays older than its tolerance; several `v1` entries may be present while a secret
 * is rotated. `verifySignature` compares in constant time.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Ticketfold-Signature";

/** Hex HMAC-SHA256 of `${timestamp}.${body}`. */
export const computeSignature = (secret: string, timestamp: number, body: string): string =>
  createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");

/** The header value for `body` signed at `nowMs`. */
export const signatureHeader = (secret: string, body: string, nowMs: number): string => {
  const timestamp = Math.floor(nowMs / 1000);
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, body)}`;
};

export type SignatureError = {
  readonly code: "SIGNATURE_MISSING" | "SIGNATURE_MALFORMED" | "SIGNATURE_EXPIRED" | "SIGNATURE_MISMATCH";
  readonly message: string;
};

export type SignatureCheck =
  | { readonly ok: true; readonly timestamp: number }
  | ({ readonly ok: false } & SignatureError);

const parseHeader = (header: string): { timestamp: number; signatures: string[] } | undefined => {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t" && /^\d{1,15}$/.test(value)) timestamp = Number(value);
    if (key === "v1" && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
};

/**
 * Checks a received signature header against the raw body (exactly the bytes received, before
 * any JSON parsing). `nowMs` is the receiver's clock; `toleranceSeconds` bounds the age (and the
 * clock skew into the future) of an accepted delivery.
 */
export const verifySignature = (
  secret: string,
  header: string | undefined | null,
  body: string,
  nowMs: number,
  toleranceSeconds = 300,
): SignatureCheck => {
  if (header === undefined || header === null || header.trim() === "") {
    return { ok: false, code: "SIGNATURE_MISSING", message: `no ${SIGNATURE_HEADER} header` };
  }
  const parsed = parseHeader(header);
  if (parsed === undefined) {
    return {
      ok: false,
      code: "SIGNATURE_MALFORMED",
      message: `${SIGNATURE_HEADER} must look like t=<unix seconds>,v1=<64 hex>`,
    };
  }
  const age = Math.floor(nowMs / 1000) - parsed.timestamp;
  if (Math.abs(age) > toleranceSeconds) {
    return {
      ok: false,
      code: "SIGNATURE_EXPIRED",
      message: `signature timestamp is ${age} s from now; at most ${toleranceSeconds} s is accepted`,
    };
  }
  const expected = Buffer.from(computeSignature(secret, parsed.timestamp, body), "hex");
  const matches = parsed.signatures.some((s) => timingSafeEqual(Buffer.from(s, "hex"), expected));
  return matches
    ? { ok: true, timestamp: parsed.timestamp }
    : { ok: false, code: "SIGNATURE_MISMATCH", message: "signature does not match the body and secret" };
};
