/**
 * Ports of crypto-shredding (docs/personal-data.md): a key store holding one key per data subject
 * and tenant, and a cipher sealing one personal value under such a key. The core declares what is
 * personal (ticket/personal-fields.ts) and walks events with these ports (seal.ts); the adapters
 * implement them (AES-256-GCM from `node:crypto`, keys in memory or in PostgreSQL), so the core
 * never touches randomness or cryptography. Deleting a subject's key makes every value sealed
 * under it unreadable for good: the events stay, their personal values read as `ERASED`.
 */
import * as t from "io-ts";
import { guarded } from "../shared/decode.js";
import type { Instant } from "../shared/instant.js";
import type { SubjectExport } from "./subject-export.js";

/** A subject's key: its id and version (named in every envelope) and 32 bytes of key material. */
export interface SubjectKey {
  readonly keyId: string;
  readonly version: number;
  readonly material: Uint8Array;
}

/** The audit fact of an erasure. It names the subject's id (a pseudonym) and the instant, nothing else. */
export interface SubjectForgotten {
  readonly type: "subject-forgotten";
  readonly tenantId: string;
  readonly subject: string;
  readonly at: Instant;
}

/** Where subjects' keys live. An adapter makes keys (randomness stays out of the core). */
export interface KeyStore {
  /** The subject's key, made on first use; undefined once the subject is forgotten (nothing new is sealed for it). */
  keyFor(tenantId: string, subject: string): Promise<SubjectKey | undefined>;
  /** The keys of these subjects that exist; forgotten and unknown subjects are absent. */
  findKeys(tenantId: string, subjects: readonly string[]): Promise<ReadonlyMap<string, SubjectKey>>;
  /** Deletes the subject's key for good and records the erasure (again: the first record). */
  forget(tenantId: string, subject: string, at: Instant): Promise<SubjectForgotten>;
  /** The erasure of a subject, if it was forgotten. */
  forgotten(tenantId: string, subject: string): Promise<SubjectForgotten | undefined>;
}

/** The JSON a sealed value is stored as, in place of the text. Decoded with io-ts when read. */
export const SealedValueC = t.type(
  {
    /** The scheme: what `open` expects. */
    sealed: t.literal("aes-256-gcm"),
    /** The data subject whose key sealed it. */
    subject: t.string,
    keyId: t.string,
    keyVersion: t.number,
    /** Base64: 96-bit nonce, ciphertext, 128-bit authentication tag. */
    iv: t.string,
    data: t.string,
    tag: t.string,
  },
  "SealedValue",
);
guarded(SealedValueC);
export type SealedValue = t.TypeOf<typeof SealedValueC>;

/** Seals and opens one text (adapters: AES-256-GCM with a fresh random nonce per value). */
export interface PersonalDataCipher {
  seal(key: SubjectKey, subject: string, plaintext: string): SealedValue;
  /** The text, or undefined when the key does not open it (wrong key, tampered data). Never throws. */
  open(key: SubjectKey, sealed: SealedValue): string | undefined;
}

/** Crypto-shredding turned on for a store: where the keys are and how values are sealed. */
export interface PersonalData {
  readonly keyStore: KeyStore;
  readonly cipher: PersonalDataCipher;
}

/** A store that can forget a data subject and export what it holds about one. */
export interface PersonalDataStore {
  /**
   * Forgets a subject: deletes its key (its sealed values read as `ERASED` from now on), purges
   * the store's own copies (outbox notices), and returns the erasure's audit fact.
   */
  forgetSubject(tenantId: string, subject: string, at: Instant): Promise<SubjectForgotten>;
  /** Everything the store holds about a subject, readable (GDPR access). */
  exportSubject(tenantId: string, subject: string): Promise<SubjectExport>;
}

/** Guard: does this store forget and export data subjects (personal data enabled)? */
export const supportsPersonalData = (store: unknown): store is PersonalDataStore =>
  typeof store === "object" &&
  store !== null &&
  typeof (store as Partial<PersonalDataStore>).forgetSubject === "function" &&
  typeof (store as Partial<PersonalDataStore>).exportSubject === "function";
