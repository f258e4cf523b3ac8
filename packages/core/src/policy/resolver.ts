/**
 * Where a command handler finds a ticket's policy: by id and version once the ticket exists (it
 * is judged under the version it was opened under, or changed to by a `change-policy` command:
 * its version is pinned), and for the command that opens it, by whatever rule the desk has (one
 * policy for all, or selection rules: selection.ts).
 *
 * Pinning is what keeps an edit of a policy from re-judging tickets: a resolver must keep every
 * version a ticket may still be read under, and `byId(id, version)` must return exactly that
 * version. The handler, the timer worker and the projections check the version they get
 * against the ticket's, so a resolver that lost one is an `UNKNOWN_POLICY` error, never a
 * silent re-judgement. A new version applies to an existing ticket only through `change-policy`.
 */
import type { CommandOf } from "../ticket/commands.js";
import type { DomainError } from "../ticket/errors.js";
import type { Policy } from "./policy.js";

/** The version of a policy: its `version`, 1 when it has none. */
export const policyVersionOf = (policy: Pick<Policy, "version">): number => policy.version ?? 1;

/** Finds the policy of a ticket: by id and pinned version once it exists, by selection when it is opened. */
export interface PolicyResolver<P extends Policy = Policy> {
  /**
   * The policy with this id: exactly `version` when one is given (`undefined` when that version
   * is not kept), else the version in force now (the one new tickets and `change-policy` get).
   */
  byId(id: string, version?: number): P | undefined;
  forNewTicket(command: CommandOf<"open">): P;
  /**
   * Why a new ticket is refused before any policy judges it (P-C: no valid contract), or
   * undefined; the handler asks this first. Absent = every new ticket gets a policy.
   */
  refuseNewTicket?(command: CommandOf<"open">): DomainError | undefined;
}

/** What pins a ticket to its policy (the ticket state has both). */
export interface PolicyPin {
  readonly policyId: string | null;
  readonly policyVersion: number | null;
}

/**
 * The policy a ticket is pinned to, from a resolver; `undefined` when the resolver does not
 * keep it (or returns another version than the one asked for). A ticket opened before versions
 * were recorded (`policyVersion` null) gets the version in force now.
 */
export const pinnedPolicy = <P extends Policy>(policies: PolicyResolver<P>, pin: PolicyPin): P | undefined => {
  if (pin.policyId === null) return undefined;
  if (pin.policyVersion === null) return policies.byId(pin.policyId);
  const found = policies.byId(pin.policyId, pin.policyVersion);
  return found !== undefined && found.id === pin.policyId && policyVersionOf(found) === pin.policyVersion
    ? found
    : undefined;
};

/** Why `pinnedPolicy` found nothing, in words. */
export const unknownPolicyMessage = (pin: PolicyPin): string =>
  pin.policyVersion === null
    ? `no policy with id ${pin.policyId} is registered`
    : `no policy ${pin.policyId} version ${pin.policyVersion} is registered (the ticket is judged under that version: keep it in the resolver)`;

/** Every version of each policy, by id; the highest version is the one in force. */
const versionsById = <P extends Policy>(policies: readonly P[]): Map<string, P[]> => {
  const byId = new Map<string, P[]>();
  for (const p of policies) byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  for (const list of byId.values()) list.sort((a, b) => policyVersionOf(a) - policyVersionOf(b));
  return byId;
};

/** `byId` over a list that may hold several versions of a policy (the highest is in force). */
export const versionedLookup = <P extends Policy>(
  policies: readonly P[],
): ((id: string, version?: number) => P | undefined) => {
  const byId = versionsById(policies);
  return (id, version) => {
    const list = byId.get(id);
    if (list === undefined) return undefined;
    return version === undefined ? list[list.length - 1] : list.find((p) => policyVersionOf(p) === version);
  };
};

/**
 * A resolver for a desk with a single policy. `earlier` are the versions of it tickets may
 * still be judged under (keep every version some ticket was opened or changed under).
 */
export const singlePolicy = <P extends Policy>(policy: P, earlier: readonly P[] = []): PolicyResolver<P> => {
  const lookup = versionedLookup([...earlier.filter((p) => p.id === policy.id), policy]);
  return {
    byId: (id, version) => (version === undefined ? (id === policy.id ? policy : undefined) : lookup(id, version)),
    forNewTicket: () => policy,
  };
};
