/**
 * The AES-256-GCM cipher and the core's opening of sealed values: a value round-trips, each
 * sealing draws a fresh nonce, and anything that does not open — tampered ciphertext, an envelope
 * moved to another subject, another key — reads `[erased]` without throwing or losing the event.
 */
import { ERASED, openRecords, type RecordedEvent, type SealedValue } from "@ticketfold/core";
import { describe, expect, it } from "vitest";
import { aesGcmCipher, newKeyMaterial } from "./aes-gcm-cipher.js";
import { createInMemoryKeyStore } from "./key-store.js";

const key = { keyId: "k1", version: 1, material: newKeyMaterial() };

const record = (data: unknown): RecordedEvent => ({
  eventId: "e1",
  tenantId: "acme",
  streamId: "s1",
  version: 1,
  position: "1",
  recordedAt: 0,
  type: "commented",
  schemaVersion: 2,
  data,
  metadata: {},
});

const flip = (base64: string): string => {
  const bytes = Buffer.from(base64, "base64");
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return bytes.toString("base64");
};

describe("AES-256-GCM personal-data cipher", () => {
  it("opens what it sealed, and seals the same text differently each time", () => {
    const a = aesGcmCipher.seal(key, "subject-1", "Greta, Lindenallee 7");
    const b = aesGcmCipher.seal(key, "subject-1", "Greta, Lindenallee 7");
    expect(aesGcmCipher.open(key, a)).toBe("Greta, Lindenallee 7");
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
    expect(Buffer.from(a.iv, "base64")).toHaveLength(12);
    expect(JSON.stringify(a)).not.toContain("Lindenallee");
  });

  it.each<[string, (s: SealedValue) => SealedValue]>([
    ["tampered ciphertext", (s) => ({ ...s, data: flip(s.data) })],
    ["tampered tag", (s) => ({ ...s, tag: flip(s.tag) })],
    ["moved to another subject", (s) => ({ ...s, subject: "subject-2" })],
    ["a nonce that is not 96 bits", (s) => ({ ...s, iv: "AAAA" })],
  ])("does not open %s", (_, change) => {
    const sealed = aesGcmCipher.seal(key, "subject-1", "secret");
    expect(aesGcmCipher.open(key, change(sealed))).toBeUndefined();
    expect(aesGcmCipher.open({ ...key, material: newKeyMaterial() }, sealed)).toBeUndefined();
  });
});

describe("opening records", () => {
  it("reads what does not open as [erased], leaves what is not an envelope to the codec", async () => {
    const keyStore = createInMemoryKeyStore();
    const own = (await keyStore.keyFor("acme", "subject-1")) as NonNullable<
      Awaited<ReturnType<typeof keyStore.keyFor>>
    >;
    const good = aesGcmCipher.seal(own, "subject-1", "hello");
    const bad = { ...good, data: flip(good.data) };
    const foreign = aesGcmCipher.seal({ ...own, keyId: "other" }, "subject-1", "hello");
    const notAnEnvelope = { sealed: "aes-256-gcm", note: "missing fields" };
    const [opened] = await openRecords([record({ a: good, b: bad, c: foreign, d: notAnEnvelope, e: "plain" })], {
      keyStore,
      cipher: aesGcmCipher,
    });
    expect(opened?.data).toEqual({ a: "hello", b: ERASED, c: ERASED, d: notAnEnvelope, e: "plain" });
  });
});
