import { describe, expect, it } from "vitest";
import { computeSignature, signatureHeader, verifySignature } from "./signature.js";

const SECRET = "whsec_test";
const BODY = '{"id":"e/1/r"}';
const NOW = Date.parse("2025-03-03T10:00:00Z");
const T = NOW / 1000;
const good = signatureHeader(SECRET, BODY, NOW);

describe("verifySignature", () => {
  it.each<[string, string | undefined, string, number, string]>([
    ["a valid signature", good, BODY, NOW, "ok"],
    ["within tolerance (299 s later)", good, BODY, NOW + 299_000, "ok"],
    ["a tampered body", good, `${BODY} `, NOW, "SIGNATURE_MISMATCH"],
    ["too old (301 s)", good, BODY, NOW + 301_000, "SIGNATURE_EXPIRED"],
    ["from the future beyond tolerance", good, BODY, NOW - 301_000, "SIGNATURE_EXPIRED"],
    ["no header", undefined, BODY, NOW, "SIGNATURE_MISSING"],
    ["garbage", "hello", BODY, NOW, "SIGNATURE_MALFORMED"],
    ["a short v1", `t=${T},v1=abc`, BODY, NOW, "SIGNATURE_MALFORMED"],
    [
      "a rotated secret: one of two v1 matches",
      `t=${T},v1=${"0".repeat(64)},v1=${computeSignature(SECRET, T, BODY)}`,
      BODY,
      NOW,
      "ok",
    ],
    [
      "the signature of another timestamp",
      `t=${T + 1},v1=${computeSignature(SECRET, T, BODY)}`,
      BODY,
      NOW,
      "SIGNATURE_MISMATCH",
    ],
  ])("%s → %s", (_name, header, body, now, expected) => {
    const r = verifySignature(SECRET, header, body, now, 300);
    expect(r.ok ? "ok" : r.code).toBe(expected);
  });

  it("the header is t=<unix seconds>,v1=<hex HMAC-SHA256 of `t.body`>", () => {
    expect(good).toBe(`t=${T},v1=${computeSignature(SECRET, T, BODY)}`);
    // Known answer, computed independently: printf '0.' | openssl dgst -sha256 -hmac key
    expect(computeSignature("key", 0, "")).toBe("85841b4efc3cd7776c3c8f9b7cca9e281c550e5d19889d78e9e669c6337f000d");
  });
});
