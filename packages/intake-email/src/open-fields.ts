/**
 * The fields of a ticket opened by mail, with P-C's key-field rules when configured: the
 * text must start with `Login:` (a known customer, else the mail is refused and the sender
 * told why) and may carry `Priority:` (missing or malformed ⇒ the policy default, via the
 * core's `resolveKeyFieldPriority`: by id or name, or by id only when the scale's
 * `keyFieldValues` is `"ids"`). The key-field lines are not part of the description.
 */
import { resolveKeyFieldPriority } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { defaultKeyFieldLabels, type KeyFieldLabels, readKeyFields } from "./key-fields.js";
import type { IntakeCustomer, IntakeOptions } from "./options.js";
import type { RefusalDetails } from "./refusal.js";
import { callSafely } from "./route-by-tag.js";
import type { MailSender } from "./sender.js";

/** How the priority was settled, for the acknowledgement the caller sends. */
export interface PriorityOutcome {
  /** The level id the ticket gets. */
  readonly priority: string;
  /** True when the mail's value was missing or malformed and the default was used. */
  readonly defaulted: boolean;
  /** What the mail said, if anything. */
  readonly raw?: string;
}

export interface OpenFields {
  readonly description: string;
  /** What goes into the command's `priority` (absent: the core applies the default). */
  readonly priority?: string;
  readonly priorityOutcome?: PriorityOutcome;
  readonly customer?: IntakeCustomer;
}

export const keyFieldLabels = (options: Pick<IntakeOptions, "keyFields">): KeyFieldLabels => ({
  ...defaultKeyFieldLabels,
  ...options.keyFields?.labels,
});

const priorityOf = (raw: string | undefined, options: Pick<IntakeOptions, "priorities">) => {
  if (options.priorities === undefined) return raw === undefined ? {} : { priority: raw };
  const { priority, defaulted } = resolveKeyFieldPriority(options.priorities, raw);
  const outcome: PriorityOutcome = raw === undefined ? { priority, defaulted } : { priority, defaulted, raw };
  // A defaulted priority is left out of the command so the core records `priorityDefaulted`.
  return defaulted ? { priorityOutcome: outcome } : { priority, priorityOutcome: outcome };
};

/** Description, priority and customer for a new ticket; refused when P-C's Login rule fails. */
export const openFields = async (
  body: string,
  sender: MailSender,
  options: Pick<IntakeOptions, "keyFields" | "priorities">,
): Promise<E.Either<RefusalDetails, OpenFields>> => {
  const keyFields = options.keyFields;
  if (body.trim() === "") return E.left({ code: "MISSING_BODY" });
  if (keyFields === undefined) return E.right({ description: body });
  const read = readKeyFields(body, keyFieldLabels(options));
  let customer: IntakeCustomer | undefined;
  const login = keyFields.login;
  if (login !== undefined) {
    if (read.login === undefined) return E.left({ code: "MISSING_LOGIN" });
    const found = await callSafely("login.lookup", () => login.lookup(read.login as string, sender));
    if (E.isLeft(found)) return found;
    if (found.right === undefined || found.right === null) return E.left({ code: "UNKNOWN_LOGIN", login: read.login });
    customer = found.right;
  }
  if (read.rest.trim() === "") return E.left({ code: "MISSING_BODY" });
  const priority = keyFields.priority === true ? priorityOf(read.priority, options) : {};
  return E.right({ description: read.rest, ...priority, ...(customer === undefined ? {} : { customer }) });
};
