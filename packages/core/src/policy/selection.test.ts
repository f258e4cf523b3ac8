/** Policy selection for new tickets: first matching rule wins, else the default. */
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { tenantId, ticketId } from "../shared/ids.js";
import type { CommandOf } from "../ticket/commands.js";
import type { PolicyCore } from "./lifecycle.js";
import { decodePolicySelection, type SelectionFields, selectingResolver, selectPolicyId } from "./selection.js";

const selection = {
  rules: [
    { policy: "vip", customerTier: "vip" },
    { policy: "changes", category: ["change-request", "planned-work"] },
    { policy: "contract", contractId: "C-100", organisation: "acme" },
    { policy: "acme", organisation: "acme" },
  ],
  default: "standard",
};
const decoded = decodePolicySelection(selection);
if (E.isLeft(decoded)) throw new Error(decoded.left.message);
const sel = decoded.right;

describe("policy selection for a new ticket", () => {
  it.each<[string, SelectionFields, string]>([
    ["a VIP customer gets the VIP policy", { category: "incident", customerTier: "vip" }, "vip"],
    ["the first matching rule wins (VIP before category)", { category: "change-request", customerTier: "vip" }, "vip"],
    ["a category in a list matches", { category: "planned-work" }, "changes"],
    [
      "every criterion of a rule must match",
      { category: "incident", organisation: "acme", contractId: "C-100" },
      "contract",
    ],
    [
      "a rule with a criterion the ticket lacks does not match",
      { category: "incident", contractId: "C-100" },
      "standard",
    ],
    ["by organisation", { category: "incident", organisation: "acme" }, "acme"],
    ["otherwise the default", { category: "incident", customerTier: "standard" }, "standard"],
  ])("%s", (_rule, fields, expected) => {
    expect(selectPolicyId(sel, fields)).toBe(expected);
  });

  const policy = (id: string) => ({ id, name: id, priorities: { levels: [], default: "x" } }) as unknown as PolicyCore;
  const all = ["vip", "changes", "contract", "acme", "standard"].map(policy);

  it("builds a resolver for the command handler: new tickets by selection, existing ones by id", () => {
    const resolver = selectingResolver(all, sel);
    if (E.isLeft(resolver)) throw new Error(resolver.left.message);
    const open = {
      type: "open",
      ticketId: ticketId("01J0000000000000000000TEST"),
      tenantId: tenantId("acme"),
      at: 0,
      actor: { kind: "requester", id: "c" },
      data: {
        subject: "s",
        description: "d",
        category: "incident",
        channel: "web",
        requester: { id: "c" },
        customerTier: "vip",
      },
    } as unknown as CommandOf<"open">;
    expect(resolver.right.forNewTicket(open).id).toBe("vip");
    expect(resolver.right.byId("acme")?.id).toBe("acme");
    expect(resolver.right.byId("nope")).toBeUndefined();
  });

  it("refuses a selection that names a policy it was not given", () => {
    const resolver = selectingResolver(all.slice(0, 2), sel);
    expect(E.isLeft(resolver) && resolver.left).toMatchObject({
      code: "UNKNOWN_POLICY_IN_SELECTION",
      policyId: "contract",
    });
  });

  it("a selection that does not decode names the bad path", () => {
    const bad = decodePolicySelection({ rules: [{ customerTier: "vip" }], default: "standard" });
    expect(E.isLeft(bad) && bad.left.message).toContain("rules[0].policy");
  });
});

describe("selection on fields present or missing (P-C: no P/N or S/N, no guaranteed registration time)", () => {
  const pC = decodePolicySelection({
    rules: [
      { policy: "p-c-unregistered", contractId: "SC-1", missing: ["product", "serialNumber"] },
      { policy: "p-c", contractId: "SC-1" },
      { policy: "with-files", present: ["attachments", "organisation"] },
    ],
    default: "standard",
  });
  if (E.isLeft(pC)) throw new Error(pC.left.message);

  it.each<[string, SelectionFields, string]>([
    [
      "both given: the contract's policy",
      { category: "incident", contractId: "SC-1", product: "X1", serialNumber: "S9" },
      "p-c",
    ],
    ["no serial number: the variant", { category: "incident", contractId: "SC-1", product: "X1" }, "p-c-unregistered"],
    ["no product: the variant", { category: "incident", contractId: "SC-1", serialNumber: "S9" }, "p-c-unregistered"],
    [
      "blank text counts as missing",
      { category: "incident", contractId: "SC-1", product: " ", serialNumber: "S9" },
      "p-c-unregistered",
    ],
    [
      "present: every field listed",
      { category: "incident", organisation: "acme", attachments: [{ name: "a", size: 1, contentType: "text/plain" }] },
      "with-files",
    ],
    [
      "present: an empty list counts as missing",
      { category: "incident", organisation: "acme", attachments: [] },
      "standard",
    ],
  ])("%s", (_rule, fields, expected) => {
    expect(selectPolicyId(pC.right, fields)).toBe(expected);
  });

  it("a field that cannot be asked about does not decode", () => {
    const bad = decodePolicySelection({ rules: [{ policy: "x", missing: ["subject"] }], default: "x" });
    expect(E.isLeft(bad) && bad.left.message).toContain("rules[0].missing[0]");
  });

  it("law: { present: F } and { missing: F } select complementary tickets", () => {
    const field = fc.constantFrom("organisation", "contractId", "product", "serialNumber", "customerTier" as const);
    const text = fc.constantFrom(undefined, "", " ", "x");
    fc.assert(
      fc.property(
        fc.uniqueArray(field, { minLength: 1, maxLength: 3 }),
        fc.dictionary(field, text),
        (listed, given) => {
          const fields = { category: "incident", ...given } as SelectionFields;
          const rules = decodePolicySelection({
            rules: [
              { policy: "has", present: listed },
              { policy: "lacks", missing: listed },
            ],
            default: "neither",
          });
          if (E.isLeft(rules)) throw new Error(rules.left.message);
          const first = selectPolicyId(rules.right, fields);
          const reversed = selectPolicyId({ ...rules.right, rules: [...rules.right.rules].reverse() }, fields);
          expect(first).not.toBe("neither");
          expect(reversed).toBe(first);
        },
      ),
    );
  });
});
