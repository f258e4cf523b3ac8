/**
 * A command's fingerprint: what the handler compares when a command id comes back, to tell a
 * retry of the same command from another command that reuses its id (`COMMAND_ID_REUSED`,
 * as a payment API refuses an idempotency key sent with other parameters). It digests the
 * command's type, ticket, tenant, actor and data as canonical JSON (keys sorted, undefined
 * left out). The instant `at` is left out on purpose: a retry is sent later, and an HTTP
 * boundary stamps each attempt with its own `now`. So are the command and correlation ids.
 *
 * The digest is 64-bit FNV-1a over the UTF-16 code units, written as 16 hex digits: not a
 * cryptographic hash, and it need not be — it only tells honest mistakes apart, inside one
 * ticket's stream that the caller may already write to.
 */
import type { TicketCommand } from "../ticket/commands.js";

/** JSON with object keys in code-unit order and undefined members left out. */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .flatMap((k) => {
        const v = (value as Record<string, unknown>)[k];
        return v === undefined ? [] : [`${JSON.stringify(k)}:${canonicalJson(v)}`];
      });
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
};

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

/** 64-bit FNV-1a of a string's UTF-16 code units, as 16 hex digits. */
export const fnv1a64 = (text: string): string => {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * FNV_PRIME);
  }
  return hash.toString(16).padStart(16, "0");
};

/** The fingerprint of a command: everything but its instant and its ids. */
export const commandFingerprint = (command: TicketCommand): string =>
  fnv1a64(
    canonicalJson({
      type: command.type,
      tenantId: command.tenantId,
      ticketId: command.ticketId,
      actor: command.actor,
      data: command.data,
    }),
  );
