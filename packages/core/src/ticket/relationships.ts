/**
 * How an actor stands to a ticket: what authorisation reads (decide/permissions.ts). An agent
 * is staff and the system is the system whatever the ticket; a customer (an actor of kind
 * `requester`) is this ticket's requester, its organisation's point of contact, a member of its
 * organisation — several of these at once — or, when none, another customer.
 */
import type { ActorKind } from "./transitions.js";

export const relationships = [
  "requester",
  "point-of-contact",
  "organisation-member",
  "other-customer",
  "agent",
  "system",
] as const;
export type Relationship = (typeof relationships)[number];

/** The actor kind behind each relationship. */
export const relationshipKind: Readonly<Record<Relationship, ActorKind>> = {
  requester: "requester",
  "point-of-contact": "requester",
  "organisation-member": "requester",
  "other-customer": "requester",
  agent: "agent",
  system: "system",
};

/** Each relationship in words, for messages. */
export const relationshipWords: Readonly<Record<Relationship, string>> = {
  requester: "the ticket's requester",
  "point-of-contact": "the organisation's point of contact",
  "organisation-member": "a member of the ticket's organisation",
  "other-customer": "another customer",
  agent: "an agent",
  system: "the system",
};
