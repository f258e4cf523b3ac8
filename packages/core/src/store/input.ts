/**
 * The store's input rules, one set for every adapter: each store calls these before it reads
 * or writes, so that a tenant id, a text or a number one store cannot hold is refused by all
 * of them alike with an `InvalidStoreInput` naming the value's path, never a driver error or a
 * silent change. The limits are PostgreSQL's (the smallest of the stores): versions are
 * `integer`, keys sit in B-tree indexes, text and jsonb refuse U+0000 and lone surrogates.
 */
import { isTenantId, TENANT_ID_RULE } from "../shared/ids.js";
import type { Instant } from "../shared/instant.js";
import { findUnstorable, toStorableText, unstorableText } from "../shared/storable.js";
import { InvalidStoreInput, type StoreError, validateAppend } from "./errors.js";
import type { AppendWithOutboxOptions, ClaimRequest, DeliveryAttempt, Settlement } from "./outbox.js";
import type { ExpectedVersion, NewEvent, ReadAllOptions } from "./types.js";

/**
 * The largest stream version or schema version a store holds (PostgreSQL `integer`). An
 * expected version above it is one no stream can have: a `ConcurrencyConflict`.
 */
export const MAX_STREAM_VERSION = 2_147_483_647;

/** The longest stream id, event id, consumer or worker name, in UTF-16 code units. */
export const MAX_KEY_LENGTH = 256;

/** Instants a store holds: JavaScript dates that PostgreSQL's timestamptz also holds. */
const MIN_INSTANT = -210_866_803_200_000; // 4713-11-24 BC, PostgreSQL's first day
const MAX_INSTANT = 8_640_000_000_000_000; // +275760-09-13, JavaScript's last

const refuse = (path: string, reason: string): InvalidStoreInput => new InvalidStoreInput(path, reason);

const isWhole = (u: unknown): u is number => typeof u === "number" && Number.isSafeInteger(u);

/** A tenant id breaking the tenant id rule (`TENANT_ID_RULE`), as `InvalidStoreInput`. */
export const validateTenantId = (tenantId: unknown, path = "tenantId"): InvalidStoreInput | undefined =>
  isTenantId(tenantId) ? undefined : refuse(path, `must be a tenant id (${TENANT_ID_RULE}); got ${show(tenantId)}`);

/** A stream id, event id or consumer name: 1–`MAX_KEY_LENGTH` code units of storable text. */
export const validateStoreKey = (value: unknown, path: string): InvalidStoreInput | undefined => {
  if (typeof value !== "string") return refuse(path, `must be a string; got ${show(value)}`);
  if (value.length === 0 || value.length > MAX_KEY_LENGTH) {
    return refuse(path, `must be 1–${MAX_KEY_LENGTH} characters long; got ${value.length}`);
  }
  const reason = unstorableText(value);
  return reason === undefined ? undefined : refuse(path, reason);
};

/** A whole number from `min` to `max` (safe integers only). */
export const validateWhole = (
  value: unknown,
  path: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): InvalidStoreInput | undefined =>
  isWhole(value) && value >= min && value <= max
    ? undefined
    : refuse(path, `must be a whole number from ${min} to ${max}; got ${show(value)}`);

/** An instant a store can hold (whole milliseconds inside both JavaScript's and PostgreSQL's range). */
export const validateInstant = (value: unknown, path: string): InvalidStoreInput | undefined =>
  validateWhole(value, path, MIN_INSTANT, MAX_INSTANT);

/** `readStream`'s arguments. `fromVersion` is any whole number: below 1 reads from the start. */
export const validateStreamRead = (
  tenantId: unknown,
  streamId: unknown,
  fromVersion?: unknown,
): InvalidStoreInput | undefined =>
  validateTenantId(tenantId) ??
  validateStoreKey(streamId, "streamId") ??
  (fromVersion === undefined ? undefined : validateWhole(fromVersion, "options.fromVersion", Number.MIN_SAFE_INTEGER));

/** `readAll`'s options: a tenant id when given, a limit of at least 1. */
export const validateReadAll = (options: ReadAllOptions): InvalidStoreInput | undefined =>
  (options.tenantId === undefined ? undefined : validateTenantId(options.tenantId, "options.tenantId")) ??
  (options.limit === undefined ? undefined : validateWhole(options.limit, "options.limit", 1));

/** One event of an append: its id, type, schema version, and data and metadata as storable JSON. */
const validateEvent = (e: NewEvent, at: string): InvalidStoreInput | undefined => {
  if (typeof e !== "object" || e === null) return refuse(at, `must be an event object; got ${show(e)}`);
  if (typeof e.type !== "string") return refuse(`${at}.type`, `must be a string; got ${show(e.type)}`);
  const typeReason = unstorableText(e.type);
  if (typeReason !== undefined) return refuse(`${at}.type`, typeReason);
  const found = findUnstorable(e.data, `${at}.data`) ?? findUnstorable(e.metadata, `${at}.metadata`);
  return (
    validateWhole(e.schemaVersion, `${at}.schemaVersion`, 0, MAX_STREAM_VERSION) ??
    (e.eventId === undefined ? undefined : validateStoreKey(e.eventId, `${at}.eventId`)) ??
    (found === undefined ? undefined : refuse(found.path, found.reason))
  );
};

/**
 * An append's arguments: the tenant id, the stream id, the expected version's form and a
 * non-empty batch (`validateAppend`: `INVALID_APPEND`), then every event. An expected version
 * above `MAX_STREAM_VERSION` passes: the adapter reports it as a conflict.
 */
export const validateAppendInput = (
  tenantId: unknown,
  streamId: unknown,
  expected: ExpectedVersion,
  events: readonly NewEvent[],
): StoreError | undefined => {
  const key = validateTenantId(tenantId) ?? validateStoreKey(streamId, "streamId");
  if (key) return key;
  if (!Array.isArray(events)) return refuse("events", `must be an array; got ${show(events)}`);
  const invalid = validateAppend(expected, events);
  if (invalid) return invalid;
  for (let i = 0; i < events.length; i++) {
    const bad = validateEvent(events[i] as NewEvent, `events[${i}]`);
    if (bad) return bad;
  }
  return undefined;
};

/** What `appendWithOutbox` adds: storable intents of valid tenants, and a storable wake-up. */
export const validateOutboxAppend = (options: AppendWithOutboxOptions): InvalidStoreInput | undefined => {
  const outbox: unknown = options.outbox;
  if (!Array.isArray(outbox)) return refuse("options.outbox", `must be an array; got ${show(outbox)}`);
  for (let i = 0; i < outbox.length; i++) {
    const at = `options.outbox[${i}]`;
    const intent = outbox[i] as { id?: unknown; tenantId?: unknown; ticketId?: unknown };
    if (typeof intent !== "object" || intent === null)
      return refuse(at, `must be an intent object; got ${show(intent)}`);
    const bad =
      validateStoreKey(intent.id, `${at}.id`) ??
      validateTenantId(intent.tenantId, `${at}.tenantId`) ??
      validateStoreKey(intent.ticketId, `${at}.ticketId`);
    if (bad) return bad;
    const found = findUnstorable(intent, at);
    if (found) return refuse(found.path, found.reason);
  }
  const wakeUp: Instant | null | undefined = options.wakeUp;
  return wakeUp === undefined || wakeUp === null ? undefined : validateInstant(wakeUp, "options.wakeUp");
};

/** A claim of outbox entries or timers: an instant, a worker name, a lease and a limit. */
export const validateClaimRequest = (request: ClaimRequest): InvalidStoreInput | undefined =>
  validateInstant(request.now, "request.now") ??
  validateStoreKey(request.owner, "request.owner") ??
  validateWhole(request.leaseMs, "request.leaseMs", 0, MAX_INSTANT) ??
  validateWhole(request.limit, "request.limit", 0);

/**
 * Delivery attempts as a store logs them. They happened, so they are kept, not refused: a
 * channel name or error text the store cannot hold is kept with U+FFFD in place of what it
 * cannot (`toStorableText`).
 */
export const storableAttempts = (attempts: readonly DeliveryAttempt[]): DeliveryAttempt[] =>
  attempts.map((a) => ({
    ...a,
    channel: toStorableText(a.channel),
    ...(a.error === undefined ? {} : { error: toStorableText(a.error) }),
  }));

/** A settlement as a store records it: its error text kept as `storableAttempts` keeps it. */
export const storableSettlement = (settlement: Settlement): Settlement =>
  settlement.status === "delivered" ? settlement : { ...settlement, error: toStorableText(settlement.error) };

/** A short, safe rendering of a refused value for a message (never throws). */
const show = (u: unknown): string => {
  if (typeof u === "string") return u.length > 40 ? `a string of ${u.length} characters` : JSON.stringify(u);
  if (typeof u === "number" || typeof u === "boolean" || u === null || u === undefined) return String(u);
  if (typeof u === "bigint") return `${u}n`;
  return Array.isArray(u) ? "an array" : typeof u;
};
