/**
 * The answer to a data subject's access request (GDPR art. 15): everything a store holds about
 * the subject, as JSON. It lists the subject's tickets and, event by event, the personal values
 * (ticket/personal-fields.ts) read back through the subject's key, with the instant and type
 * that give them context. Built from opened records (seal.ts), so an erased subject's export
 * shows `ERASED` where the values were, and names the erasure.
 */
import { formatInstant } from "../shared/instant.js";
import { personalActorName, personalPathsOf, subjectOfRecord, valueAt } from "../ticket/personal-fields.js";
import type { SubjectForgotten } from "./personal-data.js";
import type { RecordedEvent } from "./types.js";

export interface SubjectEventExport {
  readonly version: number;
  readonly type: string;
  readonly recordedAt: string;
  /** Each personal value of the event by its path (`requester.email`, `body`, `actor.name`). */
  readonly personal: Readonly<Record<string, string>>;
}

export interface SubjectExport {
  readonly tenantId: string;
  readonly subject: string;
  /** When the subject was forgotten, if it was (its values then read `[erased]`). */
  readonly forgottenAt: string | null;
  readonly tickets: readonly { readonly ticketId: string; readonly events: readonly SubjectEventExport[] }[];
}

const personalValuesOf = (r: RecordedEvent): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const path of personalPathsOf(r.type)) {
    const v = valueAt(r.data, path);
    if (typeof v === "string") out[path.join(".")] = v;
  }
  const actorName = valueAt(r.metadata, personalActorName);
  if (valueAt(r.metadata, ["actor", "kind"]) === "requester" && typeof actorName === "string") {
    out[personalActorName.join(".")] = actorName;
  }
  return out;
};

/** The export of one subject from the (opened) records of the tickets that name it. */
export const subjectExportOf = (
  tenantId: string,
  subject: string,
  records: readonly RecordedEvent[],
  forgotten?: SubjectForgotten,
): SubjectExport => {
  const tickets = new Map<string, SubjectEventExport[]>();
  for (const r of records) {
    if (r.tenantId !== tenantId || subjectOfRecord(r.type, r.data, r.metadata) !== subject) continue;
    const personal = personalValuesOf(r);
    const events = tickets.get(r.streamId) ?? [];
    events.push({ version: r.version, type: r.type, recordedAt: formatInstant(r.recordedAt), personal });
    tickets.set(r.streamId, events);
  }
  return {
    tenantId,
    subject,
    forgottenAt: forgotten === undefined ? null : formatInstant(forgotten.at),
    tickets: [...tickets].map(([ticketId, events]) => ({ ticketId, events })),
  };
};
