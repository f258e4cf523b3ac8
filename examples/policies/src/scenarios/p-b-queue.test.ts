/**
 * P-B "VIP help desk" (seeds/001): "Your VIP status is handled before our Standard level
 * clients." Customer tiers are a scale (`workflow.customerTiers: ["vip", "standard"]`, first
 * served first); the work queue ranks tickets by it before the nearest deadline. A desk with
 * more tiers lists them in order (`["vip", "gold", "standard"]`). A ticket whose tier is not on
 * the scale, or has none, comes after every tier on it.
 */
import {
  type CompiledPolicy,
  compiledPolicyOf,
  decide,
  fold,
  initialState,
  loadPolicy,
  type Policy,
  queryWorkQueue,
  type WorkQueueEntry,
  workQueueEntry,
} from "@ticketfold/core";
import { openTicket } from "@ticketfold/testing";
import { describe, expect, it } from "vitest";
import { pB } from "../index.js";
import pBJson from "../p-b.json" with { type: "json" };

const compiled = (policy: Policy): CompiledPolicy => {
  const c = compiledPolicyOf(policy);
  if (c._tag === "Left") throw new Error(c.left.message);
  return c.right;
};

/** A ticket mailed in at `at` by a customer of `tier`, queued under `policy`. */
const queued = (policy: Policy, ticket: string, tier: string | undefined, at: string): WorkQueueEntry => {
  const command = {
    ...openTicket({ channel: "email", ...(tier === undefined ? {} : { customerTier: tier }) }),
    ticketId: ticket as never,
    at: Date.parse(at),
  };
  const opened = decide(command, initialState, policy);
  if (opened._tag === "Left") throw new Error(opened.left.message);
  const entry = workQueueEntry(fold(opened.right), compiled(policy));
  if (entry === null) throw new Error("not queued");
  return entry;
};

const order = (entries: readonly WorkQueueEntry[]) =>
  queryWorkQueue(entries, { tenant: entries[0]?.tenant ?? "" }).map((e) => e.ticketId);

describe("P-B: VIP status is handled before Standard level clients", () => {
  it("the policy's tier scale", () => {
    expect(pB.workflow?.customerTiers).toEqual(["vip", "standard"]);
  });

  it.each([
    [
      "a VIP's later mail before a Standard client's earlier one",
      [
        ["S", "standard", "2025-03-03T14:00Z"],
        ["V", "vip", "2025-03-03T15:30Z"],
      ],
      ["V", "S"],
    ],
    [
      "two VIPs: the nearer triage deadline first",
      [
        ["V2", "vip", "2025-03-03T15:30Z"],
        ["V1", "vip", "2025-03-03T15:00Z"],
      ],
      ["V1", "V2"],
    ],
    [
      "a Standard client before a customer with no tier",
      [
        ["N", undefined, "2025-03-03T14:00Z"],
        ["S", "standard", "2025-03-03T15:00Z"],
      ],
      ["S", "N"],
    ],
  ] as const)("%s", (_case, tickets, expected) => {
    const entries = tickets.map(([id, tier, at]) => queued(pB, id, tier, at));
    expect(order(entries)).toEqual(expected);
  });

  it("a scale of three: VIP before gold before standard, whatever the deadlines", () => {
    const loaded = loadPolicy({
      ...pBJson,
      workflow: { ...pBJson.workflow, customerTiers: ["vip", "gold", "standard"] },
    });
    if (loaded._tag === "Left") throw new Error(loaded.left.map((e) => e.message).join("\n"));
    const threeTiers = loaded.right.policy;
    const entries = [
      queued(threeTiers, "S", "standard", "2025-03-03T14:00Z"),
      queued(threeTiers, "G", "gold", "2025-03-03T14:30Z"),
      queued(threeTiers, "V", "vip", "2025-03-03T15:30Z"),
    ];
    expect(order(entries)).toEqual(["V", "G", "S"]);
    expect(entries.map((e) => [e.ticketId, e.tierRank, e.vip])).toEqual([
      ["S", 2, false],
      ["G", 1, false],
      ["V", 0, true],
    ]);
  });
});
