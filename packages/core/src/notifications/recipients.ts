/**
 * Who stands behind a role on a given ticket: the requester (from the ticket), the customer's
 * organisation contacts, the assignee (or, unassigned, the group), their managers and the
 * escalation ladder's contacts (P-C). A role with no configured contact still yields a
 * recipient without an address, so the app can look the person up itself.
 */

import type { Contact, Contacts } from "../policy/notifications.js";
import type { TicketState } from "../ticket/state.js";
import type { Recipient } from "./intent.js";

export const fromContact = (role: string, c: Contact, id?: string): Recipient => ({
  role,
  address: c.address,
  ...(c.name !== undefined ? { name: c.name } : {}),
  ...(id !== undefined ? { id } : {}),
});

export const requesterOf = (state: TicketState): Recipient[] => {
  const r = state.fields?.requester;
  if (!r) return [];
  return [
    {
      role: "requester",
      id: r.id,
      ...(r.email !== undefined ? { address: r.email } : {}),
      ...(r.name !== undefined ? { name: r.name } : {}),
    },
  ];
};

export const organisationContactsOf = (state: TicketState, contacts: Contacts): Recipient[] => {
  const org = state.fields?.organisation;
  if (org === undefined) return [];
  return (contacts.organisations?.[org] ?? []).map((c) => fromContact("organisation", c));
};

/** The person working the ticket: the assignee, else the group's address, else nobody. */
export const workerOf = (state: TicketState, contacts: Contacts): Recipient[] => {
  if (state.assignee !== null) {
    const own = contacts.agents?.[state.assignee];
    return [own ? fromContact("assignee", own, state.assignee) : { role: "assignee", id: state.assignee }];
  }
  if (state.group !== null) {
    const shared = contacts.groups?.[state.group] ?? [];
    return shared.length > 0 ? shared.map((c) => fromContact("group", c)) : [{ role: "group", id: state.group }];
  }
  return [];
};

/** The worker's managers: those of the assignee, else of the group, else everybody's (`"*"`). */
export const managersOf = (state: TicketState, contacts: Contacts): Recipient[] => {
  const managers = contacts.managers ?? {};
  const list =
    (state.assignee !== null ? managers[state.assignee] : undefined) ??
    (state.group !== null ? managers[state.group] : undefined) ??
    managers["*"] ??
    [];
  return list.map((c) => fromContact("manager", c));
};

/** Contacts of escalation ladder roles, in the order given, without duplicates. */
export const escalationContactsOf = (roles: readonly string[], contacts: Contacts): Recipient[] =>
  [...new Set(roles)].flatMap((role) => {
    const list = contacts.escalation?.[role] ?? [];
    return list.length > 0 ? list.map((c) => fromContact(role, c)) : [{ role }];
  });
