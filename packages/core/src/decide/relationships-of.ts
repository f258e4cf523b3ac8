/**
 * How an actor stands to a ticket (ticket/relationships.ts), worked out from the ticket and its
 * policy — never taken from the caller's word beyond the actor itself:
 * - the requester: the actor's id is the requester's id, or their mail address (any case);
 * - the point of contact: the actor's id is an address the policy lists for the ticket's
 *   organisation (`notifications.contacts.organisations`, any case); a ticket whose
 *   organisation lists none has its requester as its point of contact;
 * - an organisation member: the actor's `organisation` is the ticket's;
 * - another customer: none of these.
 */
import type { Policy } from "../policy/policy.js";
import type { Actor } from "../ticket/events.js";
import type { Relationship } from "../ticket/relationships.js";
import type { TicketState } from "../ticket/state.js";

const sameAddress = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The addresses the policy lists as the points of contact of an organisation. */
const pointsOfContact = (policy: Policy, organisation: string | undefined): readonly string[] => {
  const listed = policy.notifications?.contacts?.organisations;
  if (organisation === undefined || listed === undefined || !Object.hasOwn(listed, organisation)) return [];
  return (listed[organisation] ?? []).map((c) => c.address);
};

export const relationshipsOf = (actor: Actor, state: TicketState, policy: Policy): Relationship[] => {
  if (actor.kind === "agent") return ["agent"];
  if (actor.kind === "system") return ["system"];
  const fields = state.fields;
  if (fields === null) return ["other-customer"];
  const out: Relationship[] = [];
  const { requester, organisation } = fields;
  const isRequester =
    actor.id === requester.id || (requester.email !== undefined && sameAddress(actor.id, requester.email));
  if (isRequester) out.push("requester");
  const contacts = pointsOfContact(policy, organisation);
  if (contacts.length === 0 ? isRequester : contacts.some((a) => sameAddress(a, actor.id)))
    out.push("point-of-contact");
  if (organisation !== undefined && actor.organisation !== undefined && actor.organisation === organisation)
    out.push("organisation-member");
  return out.length === 0 ? ["other-customer"] : out;
};
