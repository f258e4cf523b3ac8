/**
 * Which ticket a mail is about. No tag: a new ticket. One tag: a comment on that ticket, but
 * only when the ticket belongs to the mailbox's tenant and the sender is its requester (or the
 * caller's `isAllowedSender` lets this sender in). Several different tags: refused, as the desk
 * cannot tell which ticket is meant. A tag naming no ticket is refused by default
 * (`unknownTag: "open"` opens a new ticket instead).
 *
 * A ticket of another tenant is never written to, whatever `resolveTag` returns: the check is
 * here, not left to the lookup.
 */
import type { TenantId } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import type { IntakeOptions, TaggedTicket } from "./options.js";
import type { IntakeCallback, RefusalDetails } from "./refusal.js";
import type { MailSender } from "./sender.js";

export type Route =
  | { readonly kind: "open" }
  | { readonly kind: "comment"; readonly via: "tag"; readonly tag: string; readonly ticket: TaggedTicket }
  | { readonly kind: "comment"; readonly via: "thread"; readonly ticket: TaggedTicket };

const failed = (callback: IntakeCallback, error: unknown): RefusalDetails => ({
  code: "CALLBACK_FAILED",
  callback,
  reason: (error instanceof Error ? error.message : String(error)).slice(0, 200),
});

/** Runs one of the caller's callbacks; a throw or rejection becomes `CALLBACK_FAILED`. */
export const callSafely = async <A>(
  callback: IntakeCallback,
  run: () => A | Promise<A>,
): Promise<E.Either<RefusalDetails, A>> => {
  try {
    return E.right(await run());
  } catch (error) {
    return E.left(failed(callback, error));
  }
};

const sameAddress = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether `sender` may comment on `ticket`: its requester, or whom `isAllowedSender` lets in. */
export const senderMayWrite = async (
  ticket: TaggedTicket,
  sender: MailSender,
  options: Pick<IntakeOptions, "isAllowedSender">,
): Promise<E.Either<RefusalDetails, boolean>> => {
  if (typeof ticket.requesterEmail === "string" && sameAddress(ticket.requesterEmail, sender.address)) {
    return E.right(true);
  }
  const allowed = await callSafely("isAllowedSender", () => options.isAllowedSender?.(sender, ticket) ?? false);
  return E.map((a: boolean) => a === true)(allowed);
};

export const routeByTag = async (
  tags: readonly string[],
  sender: MailSender,
  options: Pick<IntakeOptions, "resolveTag" | "isAllowedSender" | "unknownTag"> & { readonly tenantId: TenantId },
): Promise<E.Either<RefusalDetails, Route>> => {
  const [tag, ...others] = tags;
  if (tag === undefined) return E.right({ kind: "open" });
  if (others.length > 0) return E.left({ code: "AMBIGUOUS_TAG", tags });
  const found = await callSafely("resolveTag", () => options.resolveTag(options.tenantId, tag));
  if (E.isLeft(found)) return found;
  const ticket = found.right;
  if (ticket === undefined || ticket === null) {
    return options.unknownTag === "open" ? E.right({ kind: "open" }) : E.left({ code: "UNKNOWN_TICKET", tag });
  }
  if (ticket.tenantId !== options.tenantId) {
    return E.left({ code: "FOREIGN_TICKET", tag, ticketTenantId: String(ticket.tenantId) });
  }
  const may = await senderMayWrite(ticket, sender, options);
  if (E.isLeft(may)) return may;
  return may.right
    ? E.right({ kind: "comment", via: "tag", tag, ticket })
    : E.left({ code: "SENDER_NOT_ALLOWED", tag, sender: sender.address });
};
