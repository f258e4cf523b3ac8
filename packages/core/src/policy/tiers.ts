/**
 * Customer tiers as a scale (P-B: "Your VIP status is handled before our Standard level
 * clients"): a policy lists its tiers in the order they are served (`workflow.customerTiers`,
 * e.g. `["vip", "gold", "standard"]`), and the work queue ranks tickets by it. Without a list
 * the scale is `["vip"]`: VIP before everyone else, as before tiers were a scale.
 */
import type { PolicyCore } from "./lifecycle.js";

/** The scale when a policy names none. */
export const DEFAULT_CUSTOMER_TIERS: readonly string[] = ["vip"];

/** The policy's tiers, first served first. */
export const customerTiersOf = (policy: Pick<PolicyCore, "workflow">): readonly string[] =>
  policy.workflow?.customerTiers ?? DEFAULT_CUSTOMER_TIERS;

/** 0 = served first; a tier not on the scale (or none) ranks after every tier on it. */
export const tierRank = (policy: Pick<PolicyCore, "workflow">, tier: string | null | undefined): number => {
  const scale = customerTiersOf(policy);
  const rank = tier === null || tier === undefined ? -1 : scale.indexOf(tier);
  return rank < 0 ? scale.length : rank;
};
