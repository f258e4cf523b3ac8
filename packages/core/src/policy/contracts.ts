/**
 * Contracts and entitlements (P-C: the customer's service contract, its validity, its own
 * table of thresholds; "for requests without a service contract" a separate desk). A contract
 * names the customer it covers (its id, the P-C CustomerID, and optionally the organisation),
 * the dates it is valid on and, optionally, the policy its tickets run under — a contract's
 * own calendars and targets are that policy's. A ticket opened outside any valid contract is
 * refused (`NO_VALID_CONTRACT`) or handled under the policy `outside` names.
 *
 * Validity is by local date in the contracts' `timeZone`: `validFrom` is the first day covered
 * (from 00:00 local, inclusive), `validTo` the last day covered (until 24:00 local, inclusive);
 * either may be absent (open-ended). Two contracts with the same id must not overlap (a load
 * error, `contractOverlaps`); contracts of one organisation may overlap (a hardware and a
 * software contract), and a ticket naming no contract id takes the first valid one listed.
 */
import * as t from "io-ts";
import { daysFromCivil, parseIsoDate } from "../calendar/civilDate.js";
import { instantToWall, TimeZoneC } from "../calendar/zone.js";
import { guarded } from "../shared/decode.js";
import { DAY } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import { withJsonSchema } from "../shared/json-schema.js";

/** A one-off date `YYYY-MM-DD`. */
export const IsoDateC = withJsonSchema(
  new t.Type<string, string, unknown>(
    "IsoDate",
    (u): u is string => typeof u === "string" && parseIsoDate(u) !== undefined,
    (u, c) =>
      typeof u === "string" && parseIsoDate(u) !== undefined
        ? t.success(u)
        : t.failure(u, c, `expected a date "YYYY-MM-DD", got ${JSON.stringify(u) ?? typeof u}`),
    (s) => s,
  ),
  { type: "string", pattern: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$" },
  "IsoDate",
);

/** A contract number: non-blank text (P-C: the CustomerID, `SC-2025-0042`). */
export const ContractIdC = withJsonSchema(
  new t.Type<string, string, unknown>(
    "ContractId",
    (u): u is string => typeof u === "string" && u.trim() !== "",
    (u, c) =>
      typeof u === "string" && u.trim() !== ""
        ? t.success(u)
        : t.failure(u, c, `expected a contract number (non-blank text), got ${JSON.stringify(u) ?? typeof u}`),
    (s) => s,
  ),
  { type: "string", minLength: 1, pattern: "\\S" },
  "ContractId",
);

export const ContractC = t.intersection([
  t.type({ id: ContractIdC }),
  t.partial({
    /** The organisation the contract covers (tickets naming no contract id are matched by it). */
    organisation: t.string,
    /** First day covered, inclusive, in the contracts' time zone; absent = from the start. */
    validFrom: IsoDateC,
    /** Last day covered, inclusive, in the contracts' time zone; absent = open-ended. */
    validTo: IsoDateC,
    /** The policy its tickets run under (its calendars and targets); absent = the selection's rules. */
    policy: t.string,
  }),
]);
// Its `decode` never throws: a getter or Proxy that throws is a failure (shared/decode.ts).
guarded(ContractC);
export type Contract = t.TypeOf<typeof ContractC>;

export const ContractsC = t.type({
  /** The zone the validity dates are read in (P-C: `Europe/Moscow`). */
  timeZone: TimeZoneC,
  list: t.array(ContractC),
  /** A ticket outside any valid contract: `"refuse"`, or the policy of the "no contract" desk. */
  outside: t.union([t.literal("refuse"), t.type({ policy: t.string })]),
});
guarded(ContractsC);
export type Contracts = t.TypeOf<typeof ContractsC>;

/** Who a ticket is for, as far as contracts go. */
export interface ContractCustomer {
  readonly contractId?: string | undefined;
  readonly organisation?: string | undefined;
}

export type ContractChoice =
  | { readonly kind: "valid"; readonly contract: Contract }
  /** No contract valid then; `known` are the customer's contracts at other dates. */
  | { readonly kind: "none"; readonly known: readonly Contract[] };

const dayOf = (date: string | undefined): number | undefined => {
  const d = date === undefined ? undefined : parseIsoDate(date);
  return d === undefined ? undefined : daysFromCivil(d.year, d.month, d.day);
};

/** Is the contract valid on this local day number (both ends inclusive)? */
const validOn = (contract: Contract, day: number): boolean =>
  (dayOf(contract.validFrom) ?? Number.NEGATIVE_INFINITY) <= day &&
  day <= (dayOf(contract.validTo) ?? Number.POSITIVE_INFINITY);

/** The contracts that cover this customer: by contract id when it names one, else by organisation. */
export const contractsOf = (list: readonly Contract[], customer: ContractCustomer): Contract[] => {
  const id = customer.contractId?.trim();
  if (id !== undefined && id !== "") return list.filter((c) => c.id === id);
  const org = customer.organisation;
  return org === undefined ? [] : list.filter((c) => c.organisation !== undefined && c.organisation === org);
};

/** The customer's contract valid at `at` (read as a local date in `contracts.timeZone`), or none. */
export const selectContract = (
  contracts: Pick<Contracts, "timeZone" | "list">,
  customer: ContractCustomer,
  at: Instant,
): ContractChoice => {
  const day = Math.floor(instantToWall(contracts.timeZone, at) / DAY);
  const known = contractsOf(contracts.list, customer);
  const contract = known.find((c) => validOn(c, day));
  return contract === undefined ? { kind: "none", known } : { kind: "valid", contract };
};

export interface ContractOverlap {
  readonly code: "OVERLAPPING_CONTRACTS";
  readonly contractId: string;
  /** Positions of the two contracts in the list. */
  readonly indexes: readonly [number, number];
  readonly message: string;
}

const period = (c: Contract): string => `${c.validFrom ?? "the start"} – ${c.validTo ?? "open-ended"}`;

/** Contracts with one id whose periods overlap, and periods that end before they begin. */
export const contractOverlaps = (list: readonly Contract[]): ContractOverlap[] => {
  const found: ContractOverlap[] = [];
  const from = (c: Contract) => dayOf(c.validFrom) ?? Number.NEGATIVE_INFINITY;
  const to = (c: Contract) => dayOf(c.validTo) ?? Number.POSITIVE_INFINITY;
  for (const [i, a] of list.entries()) {
    if (from(a) > to(a))
      found.push({
        code: "OVERLAPPING_CONTRACTS",
        contractId: a.id,
        indexes: [i, i],
        message: `contract ${a.id} (list[${i}]) ends before it begins: ${period(a)}`,
      });
    for (const [j, b] of list.entries()) {
      if (j <= i || a.id !== b.id) continue;
      if (from(a) <= to(b) && from(b) <= to(a))
        found.push({
          code: "OVERLAPPING_CONTRACTS",
          contractId: a.id,
          indexes: [i, j],
          message: `contract ${a.id} is listed twice for overlapping periods (list[${i}] ${period(a)}, list[${j}] ${period(b)}): a renewal starts the day after the old period ends`,
        });
    }
  }
  return found;
};
