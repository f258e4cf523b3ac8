/**
 * Page cursors: opaque to callers, a keyset inside. A cursor carries the order, a fingerprint
 * of the tenant and filter it was issued for, and the last row's sort key; the next page is the
 * rows after that key. So a cursor stays valid while tickets are added or change (no offset to
 * shift), and one replayed against another order, filter or tenant, altered, or made up is
 * refused with `INVALID_CURSOR` instead of answering a different question.
 */
import * as E from "fp-ts/lib/Either.js";
import { InvalidCursor } from "../store/errors.js";
import { validateInstant, validateStoreKey, validateWhole } from "../store/input.js";
import type { TicketListFilter, TicketListOrder } from "../store/ticket-queries.js";
import { fromBase64Url, toBase64Url } from "./cursor-text.js";
import type { TicketListKey } from "./ticket-list-order.js";

// 2: the queue key starts with the tier rank (a number), not a VIP flag.
const VERSION = 2;
/** Longer than any cursor this code issues (a key holds at most a 256-character id). */
const MAX_CURSOR_LENGTH = 2048;

const sortedSet = (values: readonly string[] | undefined) =>
  values === undefined ? undefined : [...new Set(values)].sort();

/** FNV-1a (32 bits) of a text, in hex: enough to tell filters apart, not a secret. */
const fnv1a = (text: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
};

/** The fingerprint of a query: equal for the same tenant, order and filter (list order aside). */
export const queryFingerprint = (tenant: string, order: TicketListOrder, f: TicketListFilter): string =>
  fnv1a(
    JSON.stringify({
      t: tenant,
      o: order,
      s: sortedSet(f.status),
      r: f.requester,
      g: f.organisation,
      a: f.assignee,
      p: sortedSet(f.priority),
      c: f.customerTier,
      b: f.breached,
      d: f.dueBefore,
    }),
  );

/** The cursor that continues after `key`. */
export const encodeCursor = (order: TicketListOrder, fingerprint: string, key: TicketListKey): string =>
  toBase64Url(JSON.stringify({ v: VERSION, o: order, f: fingerprint, k: key }));

const isKeyOf = (order: TicketListOrder, k: unknown): k is TicketListKey => {
  if (!Array.isArray(k)) return false;
  const instant = (u: unknown) => validateInstant(u, "key") === undefined;
  const id = (u: unknown) => validateStoreKey(u, "key") === undefined;
  if (order !== "queue") return k.length === 2 && instant(k[0]) && id(k[1]);
  const [tier, deadline, rank, opened, ticket] = k;
  return (
    k.length === 5 &&
    validateWhole(tier, "key", 0, 2 ** 31 - 1) === undefined &&
    (deadline === null || instant(deadline)) &&
    validateWhole(rank, "key", 0, 2 ** 31 - 1) === undefined &&
    instant(opened) &&
    id(ticket)
  );
};

/** The key a cursor continues after, or InvalidCursor saying what is wrong with it. */
export const decodeCursor = (
  cursor: string,
  order: TicketListOrder,
  fingerprint: string,
): E.Either<InvalidCursor, TicketListKey> => {
  const refuse = (reason: string) => E.left(new InvalidCursor(cursor, reason));
  if (typeof cursor !== "string" || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH)
    return refuse(`must be a non-empty string of at most ${MAX_CURSOR_LENGTH} characters`);
  const text = fromBase64Url(cursor);
  let body: unknown;
  try {
    body = text === undefined ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body !== "object" || body === null) return refuse("is not one this read model issued");
  const { v, o, f, k } = body as Record<string, unknown>;
  if (v !== VERSION) return refuse("is not one this read model issued");
  if (o !== order) return refuse(`was issued for order "${String(o)}", not "${order}"`);
  if (f !== fingerprint) return refuse("was issued for another tenant or filter");
  if (!isKeyOf(order, k)) return refuse("holds no valid position");
  return E.right(k);
};
