/**
 * The five real support policies (P-A … P-E, see shared/design/policies.md) written as
 * Ticketfold policies: plain JSON files, decoded here with the core's `decodePolicy` so a
 * policy that does not match the codec fails loudly at import time.
 *
 * Choices the documents leave open, and the value taken:
 * - P-A: impact unknown at intake ⇒ priority 3 (Standard, a single user).
 * - P-B: the document names no scale; its three ways in become the levels: emergency (call
 *   in), same-day (call) and low (email, the default). The VIP tier is a ticket field
 *   (`customerTier: "vip"`), since it orders the queue across tickets.
 * - P-C: closed is final (the contract says nothing of reopening; a new request is opened).
 * - P-D: a customer comment reopens a closed ticket at any time (`reopenWindow: "unlimited"`):
 *   the document sets no limit.
 *   Its scale is the ticket system's own (high, normal, low; default normal).
 * - P-E: a request opened without a priority is Medium until the specialist reviews it.
 */
import { decodePolicy, type Policy } from "@ticketfold/core";
import pAJson from "./p-a.json" with { type: "json" };
import pBJson from "./p-b.json" with { type: "json" };
import pCJson from "./p-c.json" with { type: "json" };
import pDJson from "./p-d.json" with { type: "json" };
import pEJson from "./p-e.json" with { type: "json" };

/** Decodes one policy file; a policy that does not decode is a programming error here. */
export const loadPolicy = (json: unknown, file: string): Policy => {
  const decoded = decodePolicy(json);
  if (decoded._tag === "Left") throw new Error(`${file}: ${decoded.left.message}`);
  return decoded.right;
};

/** P-A "three-tier MSP": priority 1/2/3 by impact, the dispatch questions are mandatory. */
export const pA: Policy = loadPolicy(pAJson, "p-a.json");
/** P-B "VIP help desk": change requests wait for approval and are the billable category. */
export const pB: Policy = loadPolicy(pBJson, "p-b.json");
/** P-C "contract service desk": contract number required, missing priority ⇒ 4 (Low). */
export const pC: Policy = loadPolicy(pCJson, "p-c.json");
/** P-D "web ticket system": customer comments reopen resolved and recently closed tickets. */
export const pD: Policy = loadPolicy(pDJson, "p-d.json");
/** P-E "business-hours desk": four priorities, critical to low. */
export const pE: Policy = loadPolicy(pEJson, "p-e.json");

export const allPolicies: readonly Policy[] = [pA, pB, pC, pD, pE];
