/**
 * Which parts of a ticket event are personal data (GDPR art. 4(1)) and whose: the requester's
 * name, e-mail address and telephone number, and the free text people write (subject,
 * description, intake answers, comment bodies, plans, resolutions, questions, reasons, notes,
 * feedback). A store with personal data enabled seals exactly these values under a key of the
 * data subject and reads them back as `ERASED` once that key is deleted (crypto-shredding,
 * docs/personal-data.md). Ids, categories, instants, priorities and SLA facts are not listed:
 * they stay readable, so a ticket still folds and its SLA history and statistics stay whole.
 */
import type { TicketEventType } from "./events.js";

/** What a personal value reads as once its subject is forgotten. A valid text everywhere (non-empty). */
export const ERASED = "[erased]" as const;
export type Erased = typeof ERASED;

/** Whether a value is the erased marker (the UI shows it as "erased on request"). */
export const isErased = (value: unknown): value is Erased => value === ERASED;

/** A path to a personal value inside an event's `data` (or `metadata` for the actor's name). */
export type PersonalPath = readonly string[];

/** The personal values of each event type, as paths into its `data`. */
export const personalFields: { readonly [K in TicketEventType]: readonly PersonalPath[] } = {
  opened: [
    ["subject"],
    ["description"],
    ["requester", "name"],
    ["requester", "email"],
    ["requester", "phone"],
    ["intake", "troubleshooting"],
    ["intake", "impactOnWork"],
  ],
  "policy-changed": [],
  prioritised: [["reason"]],
  accepted: [],
  assigned: [],
  commented: [["body"]],
  "plan-shared": [["plan"]],
  "awaiting-customer": [["question"]],
  "customer-replied": [],
  resolved: [["resolution"]],
  reopened: [],
  closed: [],
  "escalation-requested": [["reason"]],
  "feedback-given": [["text"]],
  "time-logged": [["note"]],
  "time-corrected": [["reason"]],
  "change-approved": [],
  "change-rejected": [["reason"]],
  "session-scheduled": [],
  "sla-warning-issued": [],
  "sla-breached": [],
  "ola-breached": [],
  "escalation-level-reached": [],
};

/** The name a requester acting on a ticket gives: personal, kept in the event's `metadata.actor`. */
export const personalActorName: PersonalPath = ["actor", "name"];

/** The personal paths of an event type (none for a type this version does not know). */
export const personalPathsOf = (type: string): readonly PersonalPath[] =>
  Object.hasOwn(personalFields, type) ? personalFields[type as TicketEventType] : [];

const field = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;

/** The value at a path, or undefined where the path does not lead. */
export const valueAt = (value: unknown, path: PersonalPath): unknown =>
  path.reduce<unknown>((v, key) => field(v, key), value);

/**
 * The data subject of an event record: `metadata.subject` (the command handler writes the
 * ticket's requester there), else the requester of an `opened` event. Undefined when neither says.
 */
export const subjectOfRecord = (type: string, data: unknown, metadata: unknown): string | undefined => {
  const named = field(metadata, "subject");
  if (typeof named === "string" && named !== "") return named;
  const requester = type === "opened" ? valueAt(data, ["requester", "id"]) : undefined;
  return typeof requester === "string" && requester !== "" ? requester : undefined;
};
