/**
 * Where a command handler finds a ticket's policy: by id once the ticket exists (it keeps the
 * policy it was opened under, or changed to), and for the command that opens it, by whatever
 * rule the desk has (one policy for all, or selection rules: selection.ts).
 */
import type { CommandOf } from "../ticket/commands.js";
import type { Policy } from "./policy.js";

/** Finds the policy of a ticket: by id once it exists, by selection when it is opened. */
export interface PolicyResolver<P extends Policy = Policy> {
  byId(id: string): P | undefined;
  forNewTicket(command: CommandOf<"open">): P;
}

/** A resolver for a desk with a single policy. */
export const singlePolicy = <P extends Policy>(policy: P): PolicyResolver<P> => ({
  byId: (id) => (id === policy.id ? policy : undefined),
  forNewTicket: () => policy,
});
