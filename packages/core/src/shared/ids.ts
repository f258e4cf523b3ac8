/**
 * Branded identifiers. Ids are made outside the core (the core draws no randomness) and
 * handed in with commands; the core only checks their shape.
 */
import * as t from "io-ts";
import { withJsonSchema } from "./json-schema.js";

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const TENANT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface TicketIdBrand {
  readonly TicketId: unique symbol;
}
/** A ticket id: a ULID (26 Crockford base-32 characters). */
export const TicketIdC = withJsonSchema(
  t.brand(t.string, (s): s is t.Branded<string, TicketIdBrand> => ULID.test(s), "TicketId"),
  { type: "string", pattern: ULID.source, description: "A ticket id: a ULID (26 Crockford base-32 characters)." },
  "TicketId",
);
export type TicketId = t.TypeOf<typeof TicketIdC>;

export interface TenantIdBrand {
  readonly TenantId: unique symbol;
}
/**
 * The tenant id rule: 1–64 characters of ASCII letters, digits, `.`, `_`, `-`, starting with a
 * letter or digit. So a tenant id is never empty (no tenant can stand for "all tenants"), fits
 * every store's keys, and needs no quoting in logs, URLs or file names.
 */
export const TENANT_ID_RULE =
  "1–64 characters of ASCII letters, digits, '.', '_' or '-', starting with a letter or digit";
/** A tenant id: see `TENANT_ID_RULE`. */
export const TenantIdC = withJsonSchema(
  t.brand(t.string, (s): s is t.Branded<string, TenantIdBrand> => TENANT.test(s), "TenantId"),
  { type: "string", pattern: TENANT.source, description: `A tenant id: ${TENANT_ID_RULE}.` },
  "TenantId",
);
export type TenantId = t.TypeOf<typeof TenantIdC>;

/** True when `u` follows the tenant id rule (stores check every tenant they are handed with it). */
export const isTenantId = (u: unknown): u is TenantId => typeof u === "string" && TENANT.test(u);

/** Checks and brands a ticket id; throws on a malformed one (for literals in code and tests). */
export const ticketId = (s: string): TicketId => {
  if (!ULID.test(s)) throw new Error(`"${s}" is not a ULID ticket id`);
  return s as TicketId;
};

/** Checks and brands a tenant id; throws on a malformed one (for literals in code and tests). */
export const tenantId = (s: string): TenantId => {
  if (!TENANT.test(s)) throw new Error(`"${s}" is not a tenant id`);
  return s as TenantId;
};

export interface CommandIdBrand {
  readonly CommandId: unique symbol;
}
const COMMAND_ID = /^[\x21-\x7E]{1,128}$/;
/**
 * The command id rule: 1–128 printable ASCII characters, no spaces (a ULID, a UUID, an HTTP
 * `Idempotency-Key`). So an id fits every store's metadata and any log line or header as it is.
 */
export const COMMAND_ID_RULE = "1–128 printable ASCII characters, no spaces";
/** A command id (idempotency key) or correlation id: see `COMMAND_ID_RULE`. */
export const CommandIdC = withJsonSchema(
  t.brand(t.string, (s): s is t.Branded<string, CommandIdBrand> => COMMAND_ID.test(s), "CommandId"),
  { type: "string", pattern: "^[!-~]{1,128}$", description: `A command id: ${COMMAND_ID_RULE}.` },
  "CommandId",
);
export type CommandId = t.TypeOf<typeof CommandIdC>;

/** Checks and brands a command id; throws on a malformed one (for literals in code and tests). */
export const commandId = (s: string): CommandId => {
  if (!COMMAND_ID.test(s)) throw new Error(`"${s}" is not a command id (${COMMAND_ID_RULE})`);
  return s as CommandId;
};

/** Non-empty text after trimming. */
export interface NonEmptyBrand {
  readonly NonEmpty: unique symbol;
}
export const NonEmptyTextC = withJsonSchema(
  t.brand(t.string, (s): s is t.Branded<string, NonEmptyBrand> => s.trim().length > 0, "NonEmpty"),
  { type: "string", pattern: "\\S", description: "Text that is not empty (nor only spaces)." },
);
