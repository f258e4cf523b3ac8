/**
 * Sealing events on the way into a store and opening them on the way out (crypto-shredding).
 * `sealEvents` replaces each personal value (ticket/personal-fields.ts) by the cipher's envelope
 * under the key of the event's data subject; `openRecords` puts the texts back, and puts `ERASED`
 * where the key is gone, does not match or does not open the value. Opening never throws and
 * never drops an event: a forgotten subject's tickets still fold, with their personal values erased.
 */
import * as E from "fp-ts/lib/Either.js";
import { ERASED, personalActorName, personalPathsOf, subjectOfRecord } from "../ticket/personal-fields.js";
import { InvalidStoreInput } from "./errors.js";
import { type PersonalData, SealedValueC, type SubjectKey } from "./personal-data.js";
import type { NewEvent, RecordedEvent } from "./types.js";

type Json = Record<string, unknown>;

const isRecord = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u);

/** A copy of `value` with the text at `path` replaced by `replace(text)` (no change where there is none). */
const replaceAt = (value: unknown, path: readonly string[], replace: (text: string) => unknown): unknown => {
  const [key, ...rest] = path;
  if (key === undefined) return typeof value === "string" ? replace(value) : value;
  if (!isRecord(value) || !Object.hasOwn(value, key)) return value;
  return { ...value, [key]: replaceAt(value[key], rest, replace) };
};

const hasText = (value: unknown, path: readonly string[]): boolean => {
  let v = value;
  for (const key of path) v = isRecord(v) ? v[key] : undefined;
  return typeof v === "string";
};

const actorIsRequester = (metadata: unknown): boolean =>
  isRecord(metadata) && isRecord(metadata.actor) && metadata.actor.kind === "requester";

/** Whether an event carries personal values to seal. */
const isPersonal = (e: NewEvent): boolean =>
  personalPathsOf(e.type).some((p) => hasText(e.data, p)) ||
  (actorIsRequester(e.metadata) && hasText(e.metadata, personalActorName));

/**
 * The events with their personal values sealed. Each event's subject is `metadata.subject` or
 * an `opened` event's requester; an event with personal values and no subject is refused
 * (`InvalidStoreInput`), since it could never be erased. A forgotten subject gets no new key:
 * its values are stored as `ERASED`.
 */
export const sealEvents = async (
  tenantId: string,
  events: readonly NewEvent[],
  personal: PersonalData,
): Promise<NewEvent[]> => {
  const keys = new Map<string, SubjectKey | undefined>();
  const sealed: NewEvent[] = [];
  for (const [i, e] of events.entries()) {
    if (!isPersonal(e)) {
      sealed.push(e);
      continue;
    }
    const subject = subjectOfRecord(e.type, e.data, e.metadata);
    if (subject === undefined) {
      throw new InvalidStoreInput(
        `events[${i}].metadata.subject`,
        "must name the data subject of an event with personal data (the ticket's requester id)",
      );
    }
    if (!keys.has(subject)) keys.set(subject, await personal.keyStore.keyFor(tenantId, subject));
    const key = keys.get(subject);
    const seal = (text: string): unknown => (key === undefined ? ERASED : personal.cipher.seal(key, subject, text));
    const data = personalPathsOf(e.type).reduce((d, p) => replaceAt(d, p, seal), e.data);
    const metadata = actorIsRequester(e.metadata) ? replaceAt(e.metadata, personalActorName, seal) : e.metadata;
    sealed.push({ ...e, data, metadata: isRecord(metadata) ? { ...metadata, subject } : metadata });
  }
  return sealed;
};

/** Every sealed envelope in a JSON value, with `visit` deciding what replaces it. */
const mapSealed = (value: unknown, visit: (sealed: unknown) => unknown): unknown => {
  if (Array.isArray(value)) return value.map((v) => mapSealed(v, visit));
  if (!isRecord(value)) return value;
  if (typeof value.sealed === "string") return visit(value);
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) out[k] = mapSealed(v, visit);
  return out;
};

/** The subjects whose keys the records' envelopes need. */
const subjectsOf = (records: readonly RecordedEvent[]): Map<string, Set<string>> => {
  const byTenant = new Map<string, Set<string>>();
  const note = (tenantId: string) => (sealed: unknown) => {
    const decoded = SealedValueC.decode(sealed);
    if (E.isRight(decoded)) {
      const set = byTenant.get(tenantId) ?? new Set<string>();
      set.add(decoded.right.subject);
      byTenant.set(tenantId, set);
    }
    return sealed;
  };
  for (const r of records) {
    mapSealed(r.data, note(r.tenantId));
    mapSealed(r.metadata, note(r.tenantId));
  }
  return byTenant;
};

/**
 * The records with their sealed values opened: the text where the subject's key opens it,
 * `ERASED` where it does not. Records without envelopes come back as they were.
 */
export const openRecords = async (
  records: readonly RecordedEvent[],
  personal: PersonalData,
): Promise<RecordedEvent[]> => {
  const wanted = subjectsOf(records);
  if (wanted.size === 0) return [...records];
  const keys = new Map<string, ReadonlyMap<string, SubjectKey>>();
  for (const [tenantId, subjects] of wanted)
    keys.set(tenantId, await personal.keyStore.findKeys(tenantId, [...subjects]));
  return records.map((r) => {
    const open = (sealed: unknown): unknown => {
      const decoded = SealedValueC.decode(sealed);
      // Not an envelope after all: left for the event codec to report.
      if (E.isLeft(decoded)) return sealed;
      const envelope = decoded.right;
      const key = keys.get(r.tenantId)?.get(envelope.subject);
      if (key === undefined || key.keyId !== envelope.keyId || key.version !== envelope.keyVersion) return ERASED;
      return personal.cipher.open(key, envelope) ?? ERASED;
    };
    return { ...r, data: mapSealed(r.data, open), metadata: mapSealed(r.metadata, open) };
  });
};
