/**
 * Choosing the policy of a new ticket: rules matched in order on the ticket's customer tier
 * (P-B VIP), category, contract id (P-C) and organisation, and on which fields the ticket has
 * (P-C: without product and serial number the registration time is not guaranteed, so such a
 * ticket gets a policy variant without a response target); the first matching rule wins, else
 * the default. With `contracts` (contracts.ts) the customer's contract valid when the ticket is
 * opened comes first: none → refused or the "no contract" policy; one → the rules, then the
 * contract's own policy, then the default. Selection is data (loadable from JSON, strict: an
 * unknown field is an error) and yields a `PolicyResolver` for the command handler; existing
 * tickets keep the policy they were opened under.
 */
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { decodeWith, guarded } from "../shared/decode.js";
import type { Instant } from "../shared/instant.js";
import { strictCodec } from "../shared/known-fields.js";
import type { CommandOf } from "../ticket/commands.js";
import type { DomainError } from "../ticket/errors.js";
import { type ContractOverlap, ContractsC, contractOverlaps, selectContract } from "./contracts.js";
import type { Policy } from "./policy.js";
import { type PolicyResolver, versionedLookup } from "./resolver.js";

const OneOrManyC = t.union([t.string, t.array(t.string)]);

/** The optional ticket fields a rule can ask about (the required ones are always there). */
export const SelectableFieldC = t.keyof({
  organisation: null,
  contractId: null,
  customerTier: null,
  product: null,
  serialNumber: null,
  affectedUsers: null,
  totalUsers: null,
  intake: null,
  attachments: null,
  priority: null,
});
export type SelectableField = t.TypeOf<typeof SelectableFieldC>;

/**
 * Every criterion given must match (one value, or any of a list); `policy` is the id chosen.
 * `present`: every field listed is there; `missing`: at least one field listed is not — so
 * `{ present: F }` and `{ missing: F }` match exactly the complementary tickets.
 */
export const SelectionRuleC = t.intersection([
  t.type({ policy: t.string }),
  t.partial({
    customerTier: OneOrManyC,
    category: OneOrManyC,
    contractId: OneOrManyC,
    organisation: OneOrManyC,
    present: t.array(SelectableFieldC),
    missing: t.array(SelectableFieldC),
  }),
]);
export type SelectionRule = t.TypeOf<typeof SelectionRuleC>;

const PolicySelectionShapeC = t.intersection([
  t.type({ rules: t.array(SelectionRuleC), default: t.string }),
  t.partial({ contracts: ContractsC }),
]);
export type PolicySelection = t.TypeOf<typeof PolicySelectionShapeC>;
/** Strict: a field selection does not define (a `validFrom` on a rule, say) is an error, never ignored. */
export const PolicySelectionC: t.Type<PolicySelection, t.OutputOf<typeof PolicySelectionShapeC>, unknown> = strictCodec(
  PolicySelectionShapeC,
);
// Its `decode` never throws: a getter or Proxy that throws is a failure (shared/decode.ts).
guarded(PolicySelectionC);

export const decodePolicySelection = decodeWith(PolicySelectionC, "policy selection");

/** What selection looks at: the fields of an `open` command. */
export type SelectionFields = Pick<CommandOf<"open">["data"], "category"> &
  Partial<Pick<CommandOf<"open">["data"], SelectableField>>;

const CRITERIA = ["customerTier", "category", "contractId", "organisation"] as const;

/** A field is there when it has a value: blank text and empty lists count as missing. */
export const isPresent = (value: unknown): boolean =>
  value !== undefined &&
  value !== null &&
  !(typeof value === "string" && value.trim() === "") &&
  !(Array.isArray(value) && value.length === 0);

const matches = (rule: SelectionRule, fields: SelectionFields): boolean =>
  CRITERIA.every((key) => {
    const wanted = rule[key];
    if (wanted === undefined) return true;
    const value = fields[key];
    return value !== undefined && (typeof wanted === "string" ? wanted === value : wanted.includes(value));
  }) &&
  (rule.present ?? []).every((key) => isPresent(fields[key])) &&
  (rule.missing === undefined || rule.missing.some((key) => !isPresent(fields[key])));

/**
 * The id of the policy for a new ticket with these fields: the first matching rule, else the
 * contract's policy (when `contractPolicy` is given), else the default.
 */
export const selectPolicyId = (selection: PolicySelection, fields: SelectionFields, contractPolicy?: string): string =>
  selection.rules.find((r) => matches(r, fields))?.policy ?? contractPolicy ?? selection.default;

/** What selection decides for a new ticket: a policy id, or a refusal (no valid contract). */
export type SelectionOutcome =
  | { readonly kind: "policy"; readonly policyId: string; readonly contractId: string | null }
  | { readonly kind: "refused"; readonly error: DomainError };

/**
 * The policy of a new ticket opened at `at`: without `contracts`, `selectPolicyId`; with them,
 * the customer's contract valid at `at` first (contracts.ts), and outside any valid contract
 * the policy `contracts.outside` names, or a `NO_VALID_CONTRACT` refusal.
 */
export const selectForNewTicket = (
  selection: PolicySelection,
  fields: SelectionFields,
  at: Instant,
): SelectionOutcome => {
  const contracts = selection.contracts;
  if (contracts === undefined)
    return { kind: "policy", policyId: selectPolicyId(selection, fields), contractId: fields.contractId ?? null };
  const choice = selectContract(contracts, fields, at);
  if (choice.kind === "valid")
    return {
      kind: "policy",
      policyId: selectPolicyId(selection, { ...fields, contractId: choice.contract.id }, choice.contract.policy),
      contractId: choice.contract.id,
    };
  if (contracts.outside !== "refuse") return { kind: "policy", policyId: contracts.outside.policy, contractId: null };
  return { kind: "refused", error: noValidContract(fields, at, choice.known) };
};

const noValidContract = (
  fields: SelectionFields,
  at: Instant,
  known: readonly { id: string; validFrom?: string; validTo?: string }[],
): DomainError => {
  const who = fields.contractId
    ? `contract ${fields.contractId}`
    : fields.organisation
      ? `organisation ${fields.organisation}`
      : "this customer";
  const periods = known.map((c) => `${c.id} ${c.validFrom ?? "…"} – ${c.validTo ?? "…"}`).join(", ");
  return {
    code: "NO_VALID_CONTRACT",
    contractId: fields.contractId ?? null,
    organisation: fields.organisation ?? null,
    at,
    expired: known.map((c) => ({ id: c.id, validFrom: c.validFrom ?? null, validTo: c.validTo ?? null })),
    message:
      known.length === 0
        ? `no service contract is known for ${who}: requests without a contract are not accepted here`
        : `no contract of ${who} is valid on ${new Date(at).toISOString().slice(0, 10)} (known: ${periods}): requests without a valid contract are not accepted here`,
  };
};

export type SelectionError =
  | {
      readonly code: "UNKNOWN_POLICY_IN_SELECTION";
      readonly policyId: string;
      readonly known: readonly string[];
      readonly message: string;
    }
  | ContractOverlap;

/**
 * A resolver for the command handler: tickets by their policy id and pinned version, new
 * tickets by selection. `policies` may hold several versions of a policy: the highest is the one
 * in force (for new tickets and `change-policy`), the others stay for the tickets judged under
 * them. Every policy the selection names must be among `policies`.
 */
export const selectingResolver = <P extends Policy>(
  policies: readonly P[],
  selection: PolicySelection,
): E.Either<SelectionError, PolicyResolver<P>> => {
  const lookup = versionedLookup(policies);
  const known = [...new Set(policies.map((p) => p.id))];
  const contracts = selection.contracts;
  const overlap = contractOverlaps(contracts?.list ?? [])[0];
  if (overlap !== undefined) return E.left(overlap);
  const named = [
    ...selection.rules.map((r) => r.policy),
    selection.default,
    ...(contracts?.list ?? []).flatMap((c) => (c.policy === undefined ? [] : [c.policy])),
    ...(contracts === undefined || contracts.outside === "refuse" ? [] : [contracts.outside.policy]),
  ];
  for (const id of named) {
    if (lookup(id) === undefined)
      return E.left({
        code: "UNKNOWN_POLICY_IN_SELECTION",
        policyId: id,
        known,
        message: `policy selection names policy "${id}", which is not among the policies given (${known.join(", ")})`,
      });
  }
  const outcome = (command: CommandOf<"open">) => selectForNewTicket(selection, command.data, command.at);
  return E.right({
    byId: lookup,
    refuseNewTicket: (command) => {
      const o = outcome(command);
      return o.kind === "refused" ? o.error : undefined;
    },
    forNewTicket: (command) => {
      const o = outcome(command);
      // A refused ticket never reaches here through the handler (it asks `refuseNewTicket`
      // first); called directly, it gets the default, which is a policy the resolver holds.
      return lookup(o.kind === "policy" ? o.policyId : selection.default) as P;
    },
  });
};
