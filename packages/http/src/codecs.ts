/**
 * The request shapes, as io-ts codecs: the body of `POST /tickets` (open), of
 * `POST /tickets/{ticketId}/commands`, and the query of `GET /tickets`. A body names only what
 * the client may say: the tenant and the actor come from `authenticate`, the instant from the
 * server's clock, the ticket from the path, the command id from `Idempotency-Key`. A body that
 * tries to say any of them (or anything else unknown) is refused with the key's path.
 */
import {
  CommandIdC,
  commandTypes,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  parseInstant,
  type Status,
  statuses,
  TicketIdC,
  type TicketListFilter,
  type TicketListOrder,
} from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";

const SERVER_SIDE: Record<string, string> = {
  tenantId: "the tenant comes from authentication, never from the body",
  actor: "the actor comes from authentication, never from the body",
  at: "the instant is the server's",
  ticketId: "the ticket is named by the URL",
  commandId: "the command id is the Idempotency-Key header",
};

/** `codec`, refusing keys it does not name (each with its path and why). */
const closed = <C extends t.Mixed>(codec: C, keys: readonly string[], name: string): C =>
  new t.Type(
    name,
    codec.is,
    (u, c) => {
      const decoded = codec.validate(u, c);
      if (E.isLeft(decoded) || typeof u !== "object" || u === null) return decoded;
      const extra = Object.keys(u).filter((k) => !keys.includes(k));
      if (extra.length === 0) return decoded;
      return t.failures(
        extra.map((k) => ({
          value: (u as Record<string, unknown>)[k],
          context: [...c, { key: k, type: t.never, actual: (u as Record<string, unknown>)[k] }],
          message: SERVER_SIDE[k] ?? `unknown member; expected only ${keys.join(", ")}`,
        })),
      );
    },
    codec.encode,
  ) as unknown as C;

/** `POST /tickets/{ticketId}/commands`: which command, its payload, and a correlation id. */
export const CommandBodyC = closed(
  t.intersection([
    t.type({ type: t.keyof(Object.fromEntries(commandTypes.filter((c) => c !== "open").map((c) => [c, null]))) }),
    t.partial({ data: t.unknown, correlationId: CommandIdC }),
  ]),
  ["type", "data", "correlationId"],
  "CommandBody",
);
export type CommandBody = t.TypeOf<typeof CommandBodyC>;

/** `POST /tickets`: the intake fields (`data`), and optionally the new ticket's id (a ULID) and a correlation id. */
export const OpenBodyC = closed(
  t.intersection([t.type({ data: t.unknown }), t.partial({ ticketId: TicketIdC, correlationId: CommandIdC })]),
  ["data", "ticketId", "correlationId"],
  "OpenBody",
);
export type OpenBody = t.TypeOf<typeof OpenBodyC>;

export const ORDERS: readonly TicketListOrder[] = ["opened-desc", "updated-desc", "queue"];

/** The query parameters `GET /tickets` takes. */
export const LIST_PARAMETERS = [
  "status",
  "requester",
  "organisation",
  "assignee",
  "unassigned",
  "priority",
  "customerTier",
  "breached",
  "dueBefore",
  "order",
  "limit",
  "cursor",
] as const;

/** A list parameter: every value given (`?status=new&status=open`), commas splitting each. */
const listOf = <C extends t.Mixed>(item: C, name: string) =>
  new t.Type<t.TypeOf<C>[], string[], unknown>(
    name,
    (u): u is t.TypeOf<C>[] => Array.isArray(u) && u.every(item.is),
    (u, c) => {
      if (!Array.isArray(u)) return t.failure(u, c);
      const parts = (u as string[]).flatMap((s) => s.split(",")).filter((s) => s !== "");
      return t.array(item).validate(parts, c);
    },
    (a) => a,
  );

const one = <C extends t.Mixed>(item: C, name: string) =>
  new t.Type<t.TypeOf<C>, string[], unknown>(
    name,
    item.is,
    (u, c) => {
      if (!Array.isArray(u) || u.length !== 1) return t.failure(u, c, `${name}: give it once`);
      return item.validate(u[0], c);
    },
    (a) => [String(a)],
  );

const StatusC = t.keyof(Object.fromEntries(statuses.map((s) => [s, null])) as Record<Status, null>);
const BooleanTextC = new t.Type<boolean, string, unknown>(
  "true | false",
  (u): u is boolean => typeof u === "boolean",
  (u, c) =>
    u === "true" ? t.success(true) : u === "false" ? t.success(false) : t.failure(u, c, "expected true or false"),
  String,
);
const InstantTextC = new t.Type<number, string, unknown>(
  "Instant",
  (u): u is number => typeof u === "number",
  (u, c) => {
    const ms = typeof u === "string" ? parseInstant(u) : undefined;
    return ms === undefined
      ? t.failure(u, c, "expected an ISO-8601 instant with an offset, like 2025-03-03T13:00:00Z")
      : t.success(ms);
  },
  (n) => new Date(n).toISOString(),
);
const LimitC = new t.Type<number, string, unknown>(
  "Limit",
  (u): u is number => typeof u === "number",
  (u, c) => {
    const n = typeof u === "string" && /^\d{1,4}$/.test(u) ? Number(u) : Number.NaN;
    return n >= 1 && n <= MAX_PAGE_SIZE
      ? t.success(n)
      : t.failure(u, c, `expected a whole number from 1 to ${MAX_PAGE_SIZE}`);
  },
  String,
);
const TextC = new t.Type<string, string, unknown>(
  "text",
  (u): u is string => typeof u === "string",
  (u, c) =>
    typeof u === "string" && u.length > 0 && u.length <= 512
      ? t.success(u)
      : t.failure(u, c, "expected 1 to 512 characters"),
  String,
);

export const ListQueryC = t.partial({
  status: listOf(StatusC, "status"),
  requester: one(TextC, "requester"),
  organisation: one(TextC, "organisation"),
  assignee: one(TextC, "assignee"),
  unassigned: one(BooleanTextC, "unassigned"),
  priority: listOf(TextC, "priority"),
  customerTier: one(TextC, "customerTier"),
  breached: one(BooleanTextC, "breached"),
  dueBefore: one(InstantTextC, "dueBefore"),
  order: one(t.keyof({ "opened-desc": null, "updated-desc": null, queue: null }), "order"),
  limit: one(LimitC, "limit"),
  cursor: one(TextC, "cursor"),
});

/** The parameters of a URL query, each with all its values. */
export const queryRecord = (params: URLSearchParams): Record<string, string[]> => {
  const out: Record<string, string[]> = Object.create(null);
  for (const [k, v] of params) {
    const values = out[k] ?? [];
    values.push(v);
    out[k] = values;
  }
  return out;
};

/** A decoded list query as the port takes it. */
export const listRequestOf = (
  q: t.TypeOf<typeof ListQueryC>,
): { filter: TicketListFilter; order: TicketListOrder; limit: number; cursor: string | null } => {
  const assignee =
    q.unassigned === true ? { assignee: null } : q.assignee === undefined ? {} : { assignee: q.assignee };
  const filter: TicketListFilter = {
    ...(q.status === undefined ? {} : { status: q.status }),
    ...(q.requester === undefined ? {} : { requester: q.requester }),
    ...(q.organisation === undefined ? {} : { organisation: q.organisation }),
    ...assignee,
    ...(q.priority === undefined ? {} : { priority: q.priority }),
    ...(q.customerTier === undefined ? {} : { customerTier: q.customerTier }),
    ...(q.breached === undefined ? {} : { breached: q.breached }),
    ...(q.dueBefore === undefined ? {} : { dueBefore: q.dueBefore }),
  };
  return { filter, order: q.order ?? "opened-desc", limit: q.limit ?? DEFAULT_PAGE_SIZE, cursor: q.cursor ?? null };
};
