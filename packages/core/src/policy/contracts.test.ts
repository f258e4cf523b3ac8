/**
 * Contracts: the customer's contract valid at an instant, by local date in the contracts' zone
 * (validFrom and validTo both inclusive), overlaps of one contract id refused, and selection
 * of a new ticket's policy by contract ("requests without a service contract" refused, or sent
 * to the "no contract" desk).
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { tenantId, ticketId } from "../shared/ids.js";
import type { CommandOf } from "../ticket/commands.js";
import { type Contracts, contractOverlaps, selectContract } from "./contracts.js";
import type { PolicyCore } from "./lifecycle.js";
import { decodePolicySelection, selectForNewTicket, selectingResolver } from "./selection.js";

const contracts: Contracts = {
  timeZone: "Europe/Moscow",
  list: [
    { id: "SC-2025-17", organisation: "Customer Ltd", validFrom: "2025-01-01", validTo: "2025-12-31", policy: "gold" },
    { id: "SC-2026-03", organisation: "Customer Ltd", validFrom: "2026-01-01", policy: "gold-2026" },
    { id: "SC-OPEN", organisation: "Other Co" },
  ],
  outside: "refuse",
};
const at = (iso: string) => Date.parse(iso);

describe("selectContract: valid on local dates in the contracts' zone, both ends inclusive", () => {
  it.each<[string, { contractId?: string; organisation?: string }, string, string | null]>([
    [
      "the first day, at 00:00 Moscow (21:00 UTC the day before)",
      { contractId: "SC-2025-17" },
      "2024-12-31T21:00Z",
      "SC-2025-17",
    ],
    ["one minute before, still 2024 in Moscow", { contractId: "SC-2025-17" }, "2024-12-31T20:59Z", null],
    ["the last day, 23:59 Moscow", { contractId: "SC-2025-17" }, "2025-12-31T20:59Z", "SC-2025-17"],
    ["the next day, 00:00 Moscow (still 2025-12-31 in UTC)", { contractId: "SC-2025-17" }, "2025-12-31T21:00Z", null],
    ["by organisation: the contract valid then", { organisation: "Customer Ltd" }, "2026-06-01T09:00Z", "SC-2026-03"],
    ["by organisation in 2025", { organisation: "Customer Ltd" }, "2025-06-01T09:00Z", "SC-2025-17"],
    [
      "a contract id wins over the organisation",
      { contractId: "SC-OPEN", organisation: "Customer Ltd" },
      "2025-06-01T09:00Z",
      "SC-OPEN",
    ],
    ["open-ended on both sides", { contractId: "SC-OPEN" }, "1999-01-01T00:00Z", "SC-OPEN"],
    ["an unknown contract id", { contractId: "SC-404" }, "2025-06-01T09:00Z", null],
    ["no id and no organisation", {}, "2025-06-01T09:00Z", null],
  ])("%s", (_case, customer, instant, expected) => {
    const choice = selectContract(contracts, customer, at(instant));
    expect(choice.kind === "valid" ? choice.contract.id : null).toBe(expected);
  });

  it("outside its dates, the customer's contracts are reported", () => {
    const choice = selectContract(contracts, { contractId: "SC-2025-17" }, at("2026-02-01T09:00Z"));
    expect(choice).toEqual({ kind: "none", known: [contracts.list[0]] });
  });
});

describe("contractOverlaps: one contract id, overlapping periods, is a load error", () => {
  it.each<[string, Contracts["list"], number]>([
    [
      "a renewal the day after",
      [
        { id: "A", validTo: "2025-12-31" },
        { id: "A", validFrom: "2026-01-01" },
      ],
      0,
    ],
    [
      "a renewal starting on the last day",
      [
        { id: "A", validTo: "2025-12-31" },
        { id: "A", validFrom: "2025-12-31" },
      ],
      1,
    ],
    ["two open-ended", [{ id: "A" }, { id: "A" }], 1],
    ["different ids may overlap", [{ id: "A" }, { id: "B" }], 0],
    ["a period that ends before it begins", [{ id: "A", validFrom: "2025-02-01", validTo: "2025-01-31" }], 1],
  ])("%s", (_case, list, count) => {
    expect(contractOverlaps(list)).toHaveLength(count);
  });

  it("selectingResolver refuses a selection with overlapping contracts", () => {
    const selection = {
      rules: [],
      default: "p",
      contracts: {
        ...contracts,
        list: [
          { id: "A", policy: "p" },
          { id: "A", validFrom: "2025-01-01", policy: "p" },
        ],
      },
    };
    const policy = { id: "p", name: "p", priorities: { levels: [], default: "x" } } as unknown as PolicyCore;
    expect(selectingResolver([policy], selection)).toEqual(
      E.left(expect.objectContaining({ code: "OVERLAPPING_CONTRACTS", contractId: "A", indexes: [0, 1] })),
    );
  });
});

describe("selection by contract", () => {
  const names = ["gold", "gold-2026", "standard", "no-contract", "unregistered"];
  const policies = names.map(
    (id) => ({ id, name: id, priorities: { levels: [], default: "x" } }) as unknown as PolicyCore,
  );
  const selection = (outside: Contracts["outside"]) => {
    const d = decodePolicySelection({
      rules: [{ policy: "unregistered", missing: ["product"] }],
      default: "standard",
      contracts: { ...contracts, outside },
    });
    if (E.isLeft(d)) throw new Error(d.left.message);
    return d.right;
  };
  const fields = (contractId: string | undefined) => ({
    category: "incident" as const,
    product: "P-1",
    ...(contractId === undefined ? {} : { contractId }),
  });

  it.each<[string, string | undefined, string, string]>([
    ["a valid contract runs under its own policy", "SC-2025-17", "2025-06-02T09:00Z", "gold"],
    ["the renewal runs under the renewal's policy", "SC-2026-03", "2026-06-02T09:00Z", "gold-2026"],
    ["a contract without a policy falls to the default", "SC-OPEN", "2025-06-02T09:00Z", "standard"],
    ["an expired contract goes to the no-contract desk", "SC-2025-17", "2026-06-02T09:00Z", "no-contract"],
    ["no contract at all goes to the no-contract desk", undefined, "2025-06-02T09:00Z", "no-contract"],
  ])("%s", (_case, contractId, instant, expected) => {
    const o = selectForNewTicket(selection({ policy: "no-contract" }), fields(contractId), at(instant));
    expect(o.kind === "policy" ? o.policyId : o.error.code).toBe(expected);
  });

  it("the rules still apply within a contract (no product ⇒ the unregistered variant)", () => {
    const o = selectForNewTicket(
      selection("refuse"),
      { category: "incident", contractId: "SC-2025-17" },
      at("2025-06-02T09:00Z"),
    );
    expect(o).toEqual({ kind: "policy", policyId: "unregistered", contractId: "SC-2025-17" });
  });

  it("with outside: refuse, the resolver refuses the new ticket with NO_VALID_CONTRACT", () => {
    const resolver = selectingResolver(policies, selection("refuse"));
    if (E.isLeft(resolver)) throw new Error(resolver.left.message);
    const open = {
      type: "open",
      ticketId: ticketId("01J0000000000000000000TEST"),
      tenantId: tenantId("acme"),
      at: at("2026-06-02T09:00Z"),
      actor: { kind: "requester", id: "c" },
      data: { ...fields("SC-2025-17"), subject: "s", description: "d", channel: "web", requester: { id: "c" } },
    } as unknown as CommandOf<"open">;
    expect(resolver.right.refuseNewTicket?.(open)).toEqual(
      expect.objectContaining({
        code: "NO_VALID_CONTRACT",
        contractId: "SC-2025-17",
        expired: [{ id: "SC-2025-17", validFrom: "2025-01-01", validTo: "2025-12-31" }],
      }),
    );
    expect(resolver.right.refuseNewTicket?.({ ...open, at: at("2025-06-02T09:00Z") })).toBeUndefined();
    expect(resolver.right.forNewTicket({ ...open, at: at("2025-06-02T09:00Z") }).id).toBe("gold");
  });

  it("a selection is strict: validFrom on a rule is an error, not ignored", () => {
    const d = decodePolicySelection({ rules: [{ policy: "p", validFrom: "2025-01-01" }], default: "p" });
    expect(E.isLeft(d) && d.left.message).toContain("validFrom");
  });
});
