/**
 * A list query, checked and normalised once for every adapter: the tenant, each filter and the
 * page request are validated (`INVALID_STORE_INPUT` naming the value: `tenant`,
 * `filter.organisation`, `filter.status[1]`, `page.limit`, …), the cursor decoded
 * (`INVALID_CURSOR`), defaults applied. `ticketPageOf` is the reference answer every adapter
 * must give: the tenant's entries passing the filter at `now`, after the cursor's key, in
 * order, `limit` of them, and a cursor when more follow.
 */
import * as E from "fp-ts/lib/Either.js";
import type { Instant } from "../shared/instant.js";
import { unstorableText } from "../shared/storable.js";
import { type InvalidCursor, InvalidStoreInput } from "../store/errors.js";
import { validateInstant, validateStoreKey, validateTenantId, validateWhole } from "../store/input.js";
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type TicketIndexEntry,
  type TicketListFilter,
  type TicketListOrder,
  type TicketPageRequest,
} from "../store/ticket-queries.js";
import { statuses } from "../ticket/transitions.js";
import { decodeCursor, encodeCursor, queryFingerprint } from "./ticket-cursor.js";
import { matchesTicketListFilter } from "./ticket-list-filter.js";
import { compareTicketList, compareTicketListKeys, type TicketListKey, ticketListKey } from "./ticket-list-order.js";

export interface TicketListQuery {
  readonly tenant: string;
  readonly filter: TicketListFilter;
  readonly now: Instant;
  readonly order: TicketListOrder;
  readonly limit: number;
  /** The key the page starts after (from the cursor), or null for the first page. */
  readonly after: TicketListKey | null;
  readonly fingerprint: string;
}

const ORDERS: readonly string[] = ["opened-desc", "updated-desc", "queue"] satisfies TicketListOrder[];
const FILTERS = new Set([
  "status",
  "requester",
  "organisation",
  "assignee",
  "priority",
  "customerTier",
  "breached",
  "dueBefore",
]);

const text = (u: unknown, path: string): InvalidStoreInput | undefined => {
  if (typeof u !== "string") return new InvalidStoreInput(path, `must be a string; got ${typeof u}`);
  const reason = unstorableText(u);
  return reason === undefined ? undefined : new InvalidStoreInput(path, reason);
};
const texts = (u: unknown, path: string, allowed?: readonly string[]): InvalidStoreInput | undefined => {
  if (!Array.isArray(u)) return new InvalidStoreInput(path, "must be a list");
  for (const [i, v] of u.entries()) {
    const bad = text(v, `${path}[${i}]`);
    if (bad) return bad;
    if (allowed && !allowed.includes(v)) return new InvalidStoreInput(`${path}[${i}]`, `must be one of ${allowed}`);
  }
  return undefined;
};

const validateFilter = (f: TicketListFilter): InvalidStoreInput | undefined => {
  if (typeof f !== "object" || f === null) return new InvalidStoreInput("filter", "must be an object");
  for (const key of Object.keys(f))
    if (!FILTERS.has(key)) return new InvalidStoreInput(`filter.${key}`, "is no filter");
  const opt = <K extends keyof TicketListFilter>(
    k: K,
    check: (u: unknown, p: string) => InvalidStoreInput | undefined,
  ) => (f[k] === undefined ? undefined : check(f[k], `filter.${k}`));
  return (
    opt("status", (u, p) => texts(u, p, statuses)) ??
    opt("requester", text) ??
    opt("organisation", text) ??
    opt("assignee", (u, p) => (u === null ? undefined : text(u, p))) ??
    opt("priority", (u, p) => texts(u, p)) ??
    opt("customerTier", text) ??
    opt("breached", (u, p) =>
      typeof u === "boolean" ? undefined : new InvalidStoreInput(p, "must be true or false"),
    ) ??
    opt("dueBefore", validateInstant)
  );
};

/** The checked, normalised query; a Left names what was refused. */
export const ticketListQuery = (
  tenant: string,
  filter: TicketListFilter,
  page: TicketPageRequest,
): E.Either<InvalidStoreInput | InvalidCursor, TicketListQuery> => {
  const order = page?.order ?? "opened-desc";
  const limit = page?.limit ?? DEFAULT_PAGE_SIZE;
  const invalid =
    validateTenantId(tenant, "tenant") ??
    validateFilter(filter) ??
    (typeof page === "object" && page !== null ? undefined : new InvalidStoreInput("page", "must be an object")) ??
    validateInstant(page.now, "page.now") ??
    (ORDERS.includes(order) ? undefined : new InvalidStoreInput("page.order", `must be one of ${ORDERS}`)) ??
    validateWhole(limit, "page.limit", 1, MAX_PAGE_SIZE) ??
    (page.cursor == null || typeof page.cursor === "string"
      ? undefined
      : new InvalidStoreInput("page.cursor", "must be a string or null"));
  if (invalid) return E.left(invalid);
  const fingerprint = queryFingerprint(tenant, order, filter);
  const after = page.cursor == null ? E.right(null) : decodeCursor(page.cursor, order, fingerprint);
  if (E.isLeft(after)) return after;
  return E.right({ tenant, filter, now: page.now, order, limit, after: after.right, fingerprint });
};

/**
 * A page from the rows an adapter fetched in order after the cursor (up to `limit + 1`, the
 * extra one telling whether more follow): the first `limit`, and the cursor after the last.
 */
export const pageOfFetched = <T>(
  q: TicketListQuery,
  fetched: readonly T[],
  entryOf: (row: T) => TicketIndexEntry,
): { readonly rows: readonly T[]; readonly nextCursor: string | null } => {
  const rows = fetched.slice(0, q.limit);
  const last = rows.at(-1);
  const more = fetched.length > q.limit && last !== undefined;
  return {
    rows,
    nextCursor: more ? encodeCursor(q.order, q.fingerprint, ticketListKey(q.order, entryOf(last))) : null,
  };
};

/** The reference: the entries of the page `q` asks for, in order, and the next cursor. */
export const ticketPageOf = (
  entries: Iterable<TicketIndexEntry>,
  q: TicketListQuery,
): { readonly rows: readonly TicketIndexEntry[]; readonly nextCursor: string | null } => {
  const found: TicketIndexEntry[] = [];
  for (const e of entries) {
    if (e.tenant !== q.tenant || !matchesTicketListFilter(e, q.filter, q.now)) continue;
    if (q.after !== null && compareTicketListKeys(q.order, ticketListKey(q.order, e), q.after) <= 0) continue;
    found.push(e);
  }
  found.sort(compareTicketList(q.order));
  return pageOfFetched(q, found.slice(0, q.limit + 1), (e) => e);
};

/** `getTicket`'s arguments: a tenant id, a ticket id a store can hold, an instant. */
export const validateTicketLookup = (tenant: string, ticketId: string, now: Instant): InvalidStoreInput | undefined =>
  validateTenantId(tenant, "tenant") ?? validateStoreKey(ticketId, "ticketId") ?? validateInstant(now, "now");
