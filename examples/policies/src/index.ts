/**
 * The five real support policies (P-A … P-E, see shared/design/policies.md) written as
 * Ticketfold policies: plain JSON files, loaded here with the core's `loadPolicy` (strict: an
 * unknown field, calendar or priority is an error with its path) so a policy that does not
 * load fails loudly at import time, with every error it has.
 *
 * Choices the documents leave open, and the value taken:
 * - P-A: impact unknown at intake ⇒ priority 3 (Standard, a single user).
 * - P-B: the document names no scale; its three ways in become the levels: emergency (call
 *   in), same-day (call) and low (email, the default). The VIP tier is a ticket field
 *   (`customerTier: "vip"`), since it orders the queue across tickets; the policy ranks tiers with
 *   `workflow.customerTiers: ["vip", "standard"]`.
 * - P-C: attachments up to 5 files and 10 MB per message (`workflow.attachments`); contracts and
 *   the no-contract desk are in the app's selection (`p-c-selection.json`, `p-c-no-contract.json`).
 * - P-C: closed is final (the contract says nothing of reopening; a new request is opened).
 * - P-D: a customer comment reopens a closed ticket at any time (`reopenWindow: "unlimited"`):
 *   the document sets no limit.
 *   Its scale is the ticket system's own (high, normal, low; default normal).
 * - P-E: a request opened without a priority is Medium until the specialist reviews it.
 */
import { loadPolicy, type Policy } from "@ticketfold/core";
import pAJson from "./p-a.json" with { type: "json" };
import pBJson from "./p-b.json" with { type: "json" };
import pCJson from "./p-c.json" with { type: "json" };
import pDJson from "./p-d.json" with { type: "json" };
import pEJson from "./p-e.json" with { type: "json" };

/** Loads one policy file; a policy that does not load is a programming error here. */
export const policyFile = (json: unknown, file: string): Policy => {
  const loaded = loadPolicy(json);
  if (loaded._tag === "Left") throw new Error(`${file}:\n${loaded.left.map((e) => e.message).join("\n")}`);
  return loaded.right.policy;
};

/** P-A "three-tier MSP": priority 1/2/3 by impact, the dispatch questions are mandatory. */
export const pA: Policy = policyFile(pAJson, "p-a.json");
/** P-B "VIP help desk": change requests wait for approval and are the billable category. */
export const pB: Policy = policyFile(pBJson, "p-b.json");
/** P-C "contract service desk": contract number required, missing priority ⇒ 4 (Low). */
export const pC: Policy = policyFile(pCJson, "p-c.json");
/** P-D "web ticket system": customer comments reopen resolved and recently closed tickets. */
export const pD: Policy = policyFile(pDJson, "p-d.json");
/** P-E "business-hours desk": four priorities, critical to low. */
export const pE: Policy = policyFile(pEJson, "p-e.json");

export const allPolicies: readonly Policy[] = [pA, pB, pC, pD, pE];
