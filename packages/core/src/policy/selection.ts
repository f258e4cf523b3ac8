/**
 * Choosing the policy of a new ticket: rules matched in order on the ticket's customer tier
 * (P-B VIP), category, contract id (P-C) and organisation, and on which fields the ticket has
 * (P-C: without product and serial number the registration time is not guaranteed, so such a
 * ticket gets a policy variant without a response target); the first matching rule wins, else
 * the default. Selection is data (loadable from JSON) and yields a `PolicyResolver` for the
 * command handler; existing tickets keep the policy they were opened under.
 */
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { decodeWith, guarded } from "../shared/decode.js";
import type { CommandOf } from "../ticket/commands.js";
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

export const PolicySelectionC = t.type({ rules: t.array(SelectionRuleC), default: t.string });
// Its `decode` never throws: a getter or Proxy that throws is a failure (shared/decode.ts).
guarded(PolicySelectionC);
export type PolicySelection = t.TypeOf<typeof PolicySelectionC>;

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

/** The id of the policy for a new ticket with these fields: the first matching rule, else the default. */
export const selectPolicyId = (selection: PolicySelection, fields: SelectionFields): string =>
  selection.rules.find((r) => matches(r, fields))?.policy ?? selection.default;

export interface SelectionError {
  readonly code: "UNKNOWN_POLICY_IN_SELECTION";
  readonly policyId: string;
  readonly known: readonly string[];
  readonly message: string;
}

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
  for (const id of [...selection.rules.map((r) => r.policy), selection.default]) {
    if (lookup(id) === undefined)
      return E.left({
        code: "UNKNOWN_POLICY_IN_SELECTION",
        policyId: id,
        known,
        message: `policy selection names policy "${id}", which is not among the policies given (${known.join(", ")})`,
      });
  }
  return E.right({
    byId: lookup,
    forNewTicket: (command) => lookup(selectPolicyId(selection, command.data)) as P,
  });
};
