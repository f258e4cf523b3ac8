/**
 * The in-memory key store of crypto-shredding: one random AES-256 key per tenant and data
 * subject, made on first use; `forget` deletes the key (the material is overwritten with zeros
 * too) and keeps the erasure's audit fact. For tests, demos and single-process apps: the keys
 * live as long as the process, so a restart forgets everyone (use the PostgreSQL key store to keep them).
 */
import type { Instant, KeyStore, SubjectForgotten, SubjectKey } from "@ticketfold/core";
import { newKeyMaterial } from "./aes-gcm-cipher.js";

const slot = (tenantId: string, subject: string): string => `${tenantId}\u0000${subject}`;

export interface InMemoryKeyStore extends KeyStore {
  /** How many keys are held now (forgotten subjects hold none). */
  size(): number;
}

/** An empty in-memory key store. `newKeyId` names keys (default: a counter). */
export const createInMemoryKeyStore = (options: { readonly newKeyId?: () => string } = {}): InMemoryKeyStore => {
  const keys = new Map<string, SubjectKey>();
  const erasures = new Map<string, SubjectForgotten>();
  let made = 0;
  const newKeyId = options.newKeyId ?? (() => `key-${++made}`);
  return {
    async keyFor(tenantId: string, subject: string): Promise<SubjectKey | undefined> {
      const at = slot(tenantId, subject);
      if (erasures.has(at)) return undefined;
      const held = keys.get(at);
      if (held) return held;
      const key = { keyId: newKeyId(), version: 1, material: newKeyMaterial() };
      keys.set(at, key);
      return key;
    },
    async findKeys(tenantId: string, subjects: readonly string[]): Promise<ReadonlyMap<string, SubjectKey>> {
      const found = new Map<string, SubjectKey>();
      for (const subject of subjects) {
        const key = keys.get(slot(tenantId, subject));
        if (key) found.set(subject, key);
      }
      return found;
    },
    async forget(tenantId: string, subject: string, at: Instant): Promise<SubjectForgotten> {
      const where = slot(tenantId, subject);
      keys.get(where)?.material.fill(0);
      keys.delete(where);
      const fact = erasures.get(where) ?? { type: "subject-forgotten" as const, tenantId, subject, at };
      erasures.set(where, fact);
      return fact;
    },
    async forgotten(tenantId: string, subject: string): Promise<SubjectForgotten | undefined> {
      return erasures.get(slot(tenantId, subject));
    },
    size: () => keys.size,
  };
};
