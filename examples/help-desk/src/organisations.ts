/**
 * Who the desk serves: five customer organisations in five places, each under one of the five
 * policies (examples/policies), their people, and the desk's agents. Which policy serves an
 * organisation is a choice the desk can change at run time (`PUT /api/organisations/:name`):
 * it is a policy selection (`organisation` → policy) turned into a resolver, so a ticket keeps
 * the policy it was opened under and only new tickets follow the change.
 *
 * The desk's copies of the policies add two things the documents leave out: a warning at 75 %
 * of each target (so the board can turn amber before red) and the desk's team lead as the
 * contact for escalation roles and SLA breaches, so notices reach a mailbox.
 */
import {
  type Actor,
  type CompiledPolicy,
  compiledPolicyOf,
  type Policy,
  type PolicyResolver,
  type PolicySelection,
  selectingResolver,
} from "@ticketfold/core";
import { pA, pB, pC, pD, pE } from "@ticketfold/example-policies";
import * as E from "fp-ts/lib/Either.js";

export const TENANT = "help-desk";

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
  /** VIP customers go first in the queue (P-B). */
  readonly vip?: boolean;
}

export interface Organisation {
  readonly name: string;
  /** Where the customer sits (IANA), for the board's local times. */
  readonly timeZone: string;
  readonly city: string;
  /** The policy it starts under. */
  readonly policyId: string;
  /** The service contract number (P-C requires it). */
  readonly contractId: string;
  readonly people: readonly Person[];
}

export const organisations: readonly Organisation[] = [
  {
    name: "Prairie Dental Group",
    city: "Chicago",
    timeZone: "America/Chicago",
    policyId: "p-a",
    contractId: "MSP-2023-0042",
    people: [
      { id: "dana.whitfield", name: "Dana Whitfield", email: "dana@prairiedental.example", phone: "+1 312 555 0142" },
      { id: "luis.ortega", name: "Luis Ortega", email: "luis@prairiedental.example", phone: "+1 312 555 0178" },
    ],
  },
  {
    name: "Hudson & Pike LLP",
    city: "New York",
    timeZone: "America/New_York",
    policyId: "p-b",
    contractId: "HP-RET-2025",
    people: [
      {
        id: "eleanor.pike",
        name: "Eleanor Pike",
        email: "eleanor@hudsonpike.example",
        phone: "+1 212 555 0101",
        vip: true,
      },
      { id: "marcus.hale", name: "Marcus Hale", email: "marcus@hudsonpike.example", phone: "+1 212 555 0133" },
    ],
  },
  {
    name: "Nordwerk AG",
    city: "Yekaterinburg",
    timeZone: "Asia/Yekaterinburg",
    policyId: "p-c",
    contractId: "SC-2024-0117",
    people: [
      { id: "boris.ivanov", name: "Boris Ivanov", email: "boris@nordwerk.example", phone: "+7 343 555 0190" },
      { id: "irina.sokolova", name: "Irina Sokolova", email: "irina@nordwerk.example" },
    ],
  },
  {
    name: "Weber Logistik GmbH",
    city: "Berlin",
    timeZone: "Europe/Berlin",
    policyId: "p-d",
    contractId: "WL-2024-0815",
    people: [
      { id: "jonas.weber", name: "Jonas Weber", email: "jonas@weber-logistik.example" },
      { id: "petra.klein", name: "Petra Klein", email: "petra@weber-logistik.example" },
    ],
  },
  {
    name: "Lumen Studio",
    city: "London",
    timeZone: "Europe/London",
    policyId: "p-e",
    contractId: "LS-2025-0007",
    people: [
      { id: "mia.chen", name: "Mia Chen", email: "mia@lumen.example" },
      { id: "oliver.grant", name: "Oliver Grant", email: "oliver@lumen.example" },
    ],
  },
];

export const agents: readonly (Actor & { readonly name: string })[] = [
  { kind: "agent", id: "ana", name: "Ana Lima" },
  { kind: "agent", id: "max", name: "Max Bauer" },
  { kind: "agent", id: "olga", name: "Olga Petrova" },
  { kind: "agent", id: "sam", name: "Sam Rivera" },
];

export const LEAD = { address: "lead@desk.example", name: "Team Lead" };

const withDeskSettings = (policy: Policy): Policy => {
  const ladderRoles = [...new Set((policy.sla?.ladder ?? []).flatMap((s) => s.roles))];
  const contacts = policy.notifications?.contacts ?? {};
  return {
    ...policy,
    sla: { ...policy.sla, metrics: policy.sla?.metrics ?? {}, warnings: policy.sla?.warnings ?? [{ percent: 75 }] },
    notifications: {
      ...policy.notifications,
      contacts: {
        ...contacts,
        managers: contacts.managers ?? { "*": [LEAD] },
        escalation: contacts.escalation ?? Object.fromEntries(ladderRoles.map((r) => [r, [LEAD]])),
      },
    },
  };
};

/** The five policies as this desk runs them. */
export const deskPolicies: readonly Policy[] = [pA, pB, pC, pD, pE].map(withDeskSettings);

const compiled = new Map<string, CompiledPolicy>(
  deskPolicies.map((p) => {
    const c = compiledPolicyOf(p);
    if (E.isLeft(c)) throw new Error(`policy ${p.id} does not compile: ${c.left.message}`);
    return [p.id, c.right];
  }),
);

/** The compiled policy of an id (the read side's and the board's lookup). */
export const compiledPolicy = (id: string): CompiledPolicy | undefined => compiled.get(id);

export const policyById = (id: string): Policy | undefined => deskPolicies.find((p) => p.id === id);

export const organisationOf = (name: string): Organisation | undefined => organisations.find((o) => o.name === name);

/** Finds a customer by id, with the organisation they belong to. */
export const customerById = (id: string): { person: Person; organisation: Organisation } | undefined => {
  for (const organisation of organisations) {
    const person = organisation.people.find((p) => p.id === id);
    if (person) return { person, organisation };
  }
  return undefined;
};

/** Which policy serves each organisation's new tickets; changeable while the desk runs. */
export interface PolicyChoice {
  readonly resolver: PolicyResolver<Policy>;
  policyOf(organisation: string): string | undefined;
  /** Serves the organisation's new tickets under `policyId`; an error names what is wrong. */
  choose(organisation: string, policyId: string): string | undefined;
}

export const policyChoice = (): PolicyChoice => {
  const chosen = new Map(organisations.map((o) => [o.name, o.policyId]));
  const selection = (): PolicySelection => ({
    rules: [...chosen].map(([organisation, policy]) => ({ organisation, policy })),
    default: "p-d",
  });
  const build = (): PolicyResolver<Policy> => {
    const r = selectingResolver(deskPolicies, selection());
    if (E.isLeft(r)) throw new Error(r.left.message);
    return r.right;
  };
  let current = build();
  return {
    resolver: { byId: (id) => current.byId(id), forNewTicket: (command) => current.forNewTicket(command) },
    policyOf: (organisation) => chosen.get(organisation),
    choose(organisation, policyId) {
      if (!chosen.has(organisation)) return `unknown organisation "${organisation}"`;
      if (policyById(policyId) === undefined)
        return `unknown policy "${policyId}" (known: ${deskPolicies.map((p) => p.id).join(", ")})`;
      chosen.set(organisation, policyId);
      current = build();
      return undefined;
    },
  };
};
