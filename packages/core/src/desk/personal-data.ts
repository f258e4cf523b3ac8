/**
 * The desk's side of data protection (docs/personal-data.md): `forget` erases a data subject
 * (the store deletes the subject's key and purges its notices, then the read model drops its
 * copies) and `exportSubject` answers an access request. Both need a store with personal data
 * enabled (`personalData: { keyStore }` on the adapter); without it they refuse with an `Error`.
 */
import type { Instant } from "../shared/instant.js";
import { type SubjectForgotten, supportsPersonalData } from "../store/personal-data.js";
import type { SubjectExport } from "../store/subject-export.js";

/** What the desk adds for personal data. */
export interface DeskPersonalData {
  /**
   * Forgets a data subject (GDPR art. 17): its personal values read `[erased]` from now on,
   * its notices are purged and no longer sent, the read model drops its copies. Tickets, SLA
   * history and statistics stay. Returns the audit fact (no personal data in it).
   */
  forget(tenantId: string, subject: string): Promise<SubjectForgotten>;
  /** Everything held about a data subject, as JSON (GDPR art. 15). */
  exportSubject(tenantId: string, subject: string): Promise<SubjectExport>;
}

/** Drops a read model's copies of a forgotten subject's values (in memory: a rebuild from the log). */
export type ReadModelPurge = (fact: SubjectForgotten) => Promise<void>;

const NOT_ENABLED = "personal data is not enabled on the desk's store: pass personalData: { keyStore } to the adapter";

export const deskPersonalData = (
  store: unknown,
  clock: () => Instant,
  purgeReadModel: ReadModelPurge | undefined,
): DeskPersonalData => ({
  forget: async (tenantId, subject) => {
    if (!supportsPersonalData(store)) throw new Error(NOT_ENABLED);
    const fact = await store.forgetSubject(tenantId, subject, clock());
    await purgeReadModel?.(fact);
    return fact;
  },
  exportSubject: async (tenantId, subject) => {
    if (!supportsPersonalData(store)) throw new Error(NOT_ENABLED);
    return store.exportSubject(tenantId, subject);
  },
});
