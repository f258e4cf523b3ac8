/**
 * The personal-data cipher of the adapters: AES-256-GCM from `node:crypto`, a fresh random
 * 96-bit nonce per value, a 128-bit authentication tag, the subject and the key id and version in
 * the envelope (bound to the ciphertext as additional authenticated data, so an envelope moved to
 * another subject or key does not open). A value that does not open reads as erased (core seal.ts).
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { PersonalDataCipher, SealedValue, SubjectKey } from "@ticketfold/core";

const SCHEME = "aes-256-gcm" as const;

const aadOf = (subject: string, key: Pick<SubjectKey, "keyId" | "version">): Buffer =>
  Buffer.from(JSON.stringify([SCHEME, subject, key.keyId, key.version]), "utf8");

/** A new random 256-bit key's material. */
export const newKeyMaterial = (): Uint8Array => new Uint8Array(randomBytes(32));

/** AES-256-GCM sealing of personal values (`PersonalDataCipher`). */
export const aesGcmCipher: PersonalDataCipher = {
  seal(key: SubjectKey, subject: string, plaintext: string): SealedValue {
    const iv = randomBytes(12);
    const cipher = createCipheriv(SCHEME, key.material, iv);
    cipher.setAAD(aadOf(subject, key));
    const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return {
      sealed: SCHEME,
      subject,
      keyId: key.keyId,
      keyVersion: key.version,
      iv: iv.toString("base64"),
      data: data.toString("base64"),
      tag: cipher.getAuthTag().toString("base64"),
    };
  },
  open(key: SubjectKey, sealed: SealedValue): string | undefined {
    try {
      const decipher = createDecipheriv(SCHEME, key.material, Buffer.from(sealed.iv, "base64"));
      decipher.setAAD(aadOf(sealed.subject, { keyId: sealed.keyId, version: sealed.keyVersion }));
      decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, "base64")), decipher.final()]).toString("utf8");
    } catch {
      return undefined;
    }
  },
};
