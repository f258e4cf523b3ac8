/**
 * P-C "contract service desk" (seeds/002): contracts. The document: CustomerID is "Номер
 * Договора, по которому наша Компания оказывает Заказчику услуги технической поддержки" (the
 * number of the contract under which support is given); customers "проверять состав и сроки
 * действия Ваших сервисных договоров" (check the contents and validity dates of their service
 * contracts); the times come from "Таблице пороговых значений Договора" (the contract's table of
 * thresholds); and "cti.SupportManager@cti.ru - для обращений без сервисного Договора" (a
 * separate desk for requests without a service contract).
 *
 * `p-c-selection.json` lists the contracts (`contracts.list`, validity dates read in
 * Europe/Moscow, both inclusive) and sends a request outside any valid contract to
 * `p-c-no-contract` (`contracts.outside`); an app that refuses such requests writes
 * `"outside": "refuse"` and the core answers NO_VALID_CONTRACT.
 */
import {
  type Contracts,
  decodePolicySelection,
  loadPolicy,
  type Policy,
  type PolicySelection,
  selectForNewTicket,
  selectingResolver,
} from "@ticketfold/core";
import { at, given } from "@ticketfold/testing";
import { describe, expect, it } from "vitest";
import { pC, policyFile } from "../index.js";
import pCJson from "../p-c.json" with { type: "json" };
import pCNoContractJson from "../p-c-no-contract.json" with { type: "json" };
import pCSelectionJson from "../p-c-selection.json" with { type: "json" };
import pCUnregisteredJson from "../p-c-unregistered.json" with { type: "json" };

const decoded = decodePolicySelection(pCSelectionJson);
if (decoded._tag === "Left") throw new Error(decoded.left.message);
const selection: PolicySelection = decoded.right;
const contracts = selection.contracts as Contracts;
const noContract = policyFile(pCNoContractJson, "p-c-no-contract.json");
const unregistered = policyFile(pCUnregisteredJson, "p-c-unregistered.json");
const withProduct = { category: "incident" as const, product: "DL380-G10", serialNumber: "CZJ12345" };

describe("P-C: the request is handled under its valid service contract", () => {
  it.each([
    ["the contract's first day, 00:00 Moscow", "SC-2025-0042", "2024-12-31T21:00Z", "p-c"],
    ["the contract's last day, 23:59 Moscow", "SC-2025-0042", "2025-12-31T20:59Z", "p-c"],
    ["the day after it ends, 00:00 Moscow", "SC-2025-0042", "2025-12-31T21:00Z", "p-c-no-contract"],
    ["a day before it begins", "SC-2025-0042", "2024-12-30T21:00Z", "p-c-no-contract"],
    ["an expired contract (2024)", "SC-2024-0007", "2025-03-03T09:00Z", "p-c-no-contract"],
    ["a contract number nobody signed", "SC-1999-0001", "2025-03-03T09:00Z", "p-c-no-contract"],
  ])("%s: contract %s at %s ⇒ policy %s", (_case, contractId, instant, policy) => {
    const outcome = selectForNewTicket(selection, { ...withProduct, contractId }, Date.parse(instant));
    expect(outcome).toMatchObject({ kind: "policy", policyId: policy });
  });

  it("within the contract the rules still apply: without P/N or S/N, the unregistered variant", () => {
    const outcome = selectForNewTicket(
      selection,
      { category: "incident", contractId: "SC-2025-0042" },
      Date.parse("2025-03-03T09:00Z"),
    );
    expect(outcome).toEqual({ kind: "policy", policyId: "p-c-unregistered", contractId: "SC-2025-0042" });
  });

  it("the no-contract desk needs no contract number and runs no clocks (no table of thresholds)", () => {
    given(noContract)
      .opened({ at: "2025-03-03T09:00Z", contractId: undefined, priority: "1" })
      .expect(at("2025-03-04T09:00Z").sla({ response: null, resolution: null }));
    given(pC).refuses(at("2025-03-03T09:00Z").open({ priority: "1" }), { code: "MISSING_FIELD", field: "contractId" });
  });
});

describe("P-C: requests outside a valid contract refused, when the app says so", () => {
  const refusing = { ...selection, contracts: { ...contracts, outside: "refuse" as const } };
  const resolver = selectingResolver([pC, unregistered, noContract], refusing);
  if (resolver._tag === "Left") throw new Error(resolver.left.message);
  const open = (contractId: string, instant: string) => ({
    type: "open" as const,
    ticketId: "01J00000000000000000000P0C" as never,
    tenantId: "cti" as never,
    at: Date.parse(instant),
    actor: { kind: "requester" as const, id: "it@customer.example" },
    data: {
      ...withProduct,
      contractId,
      subject: "Сервер не загружается" as never,
      description: "После обновления" as never,
      channel: "web" as const,
      requester: { id: "it@customer.example" as never },
    },
  });

  it("an expired contract: NO_VALID_CONTRACT naming the contract and its dates", () => {
    expect(resolver.right.refuseNewTicket?.(open("SC-2024-0007", "2025-03-03T09:00Z"))).toMatchObject({
      code: "NO_VALID_CONTRACT",
      contractId: "SC-2024-0007",
      expired: [{ id: "SC-2024-0007", validFrom: "2024-01-01", validTo: "2024-12-31" }],
    });
  });

  it("a valid contract is not refused, and gets its policy", () => {
    const command = open("SC-2025-0042", "2025-03-03T09:00Z");
    expect(resolver.right.refuseNewTicket?.(command)).toBeUndefined();
    expect(resolver.right.forNewTicket(command).id).toBe("p-c");
  });
});

describe("P-C: each contract its own table of thresholds", () => {
  // A contract with its own targets names its own policy: here a premium contract with a
  // 15-minute reaction for P1 (P-C's example is 30 minutes).
  const premiumJson = {
    ...pCJson,
    id: "p-c-premium",
    sla: {
      ...pCJson.sla,
      metrics: { ...pCJson.sla.metrics, response: { targets: { ...pCJson.sla.metrics.response.targets, "1": "15m" } } },
    },
  };
  const loaded = loadPolicy(premiumJson);
  if (loaded._tag === "Left") throw new Error(loaded.left.map((e) => e.message).join("\n"));
  const premium: Policy = loaded.right.policy;
  const withPremium: PolicySelection = {
    ...selection,
    contracts: {
      ...contracts,
      list: [...contracts.list, { id: "SC-2025-0100", validFrom: "2025-03-01", policy: "p-c-premium" }],
    },
  };

  it("the premium contract's tickets run under its policy; the others under P-C", () => {
    const resolver = selectingResolver([pC, unregistered, noContract, premium], withPremium);
    if (resolver._tag === "Left") throw new Error(resolver.left.message);
    const at9 = Date.parse("2025-03-03T09:00Z");
    expect(selectForNewTicket(withPremium, { ...withProduct, contractId: "SC-2025-0100" }, at9)).toMatchObject({
      policyId: "p-c-premium",
    });
    expect(selectForNewTicket(withPremium, { ...withProduct, contractId: "SC-2025-0042" }, at9)).toMatchObject({
      policyId: "p-c",
    });
    given(premium)
      .opened({ at: "2025-03-03T09:00Z", contractId: "SC-2025-0100", priority: "1" })
      .expect(at("2025-03-03T09:00Z").deadlines({ response: "2025-03-03T09:15Z" }));
  });

  it("a renewal listed with dates overlapping the old contract is refused when the selection loads", () => {
    const overlapping: PolicySelection = {
      ...selection,
      contracts: { ...contracts, list: [...contracts.list, { id: "SC-2025-0042", validFrom: "2025-12-01" }] },
    };
    expect(selectingResolver([pC, unregistered, noContract], overlapping)).toMatchObject({
      _tag: "Left",
      left: { code: "OVERLAPPING_CONTRACTS", contractId: "SC-2025-0042" },
    });
  });
});
