/**
 * A command's fingerprint: what the handler compares when a command id comes back, to tell a
 * retry of the same command from another command that reuses its id (`COMMAND_ID_REUSED`,
 * as a payment API refuses an idempotency key sent with other parameters). It digests the
 * command's type, ticket, tenant, actor and data as canonical JSON (keys sorted, undefined
 * left out). The instant `at` is left out on purpose: a retry is sent later, and an HTTP
 * boundary stamps each attempt with its own `now`. So are the command and correlation ids.
 *
 * The digest (shared/digest.ts) is not a cryptographic hash, and it need not be: it only tells
 * honest mistakes apart, inside one ticket's stream that the caller may already write to.
 */
import { canonicalJson, fnv1a64 } from "../shared/digest.js";
import type { TicketCommand } from "../ticket/commands.js";

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
