/**
 * A policy arbitrary for the ticket lifecycle: a priority scale of 2–5 levels with a default
 * and, sometimes, impact rules (P-A); a workflow with required fields, approval and billable
 * categories (P-B) and, sometimes, a reopen window (P-D).
 */
import type { PolicyCore, PriorityScale, RequirableField } from "@ticketfold/core";
import { HOUR } from "@ticketfold/core";
import fc from "fast-check";
import { categories } from "./fields.js";

export const requirableFields: readonly RequirableField[] = [
  "organisation",
  "contractId",
  "product",
  "serialNumber",
  "affectedUsers",
  "requester.email",
  "requester.phone",
  "intake.startedAt",
  "intake.troubleshooting",
  "intake.location",
  "intake.impactOnWork",
];

export const priorityScaleArb: fc.Arbitrary<PriorityScale> = fc
  .uniqueArray(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 2, maxLength: 5 })
  .chain((ids) =>
    fc
      .record(
        {
          default: fc.constantFrom(...ids),
          impact: fc.record(
            {
              singleUser: fc.constantFrom(...ids),
              rules: fc.constant([{ aboveShare: 0.5, priority: ids[0] as string }]),
              otherwise: fc.constantFrom(...ids),
            },
            { noNullPrototype: true },
          ),
        },
        { requiredKeys: ["default"], noNullPrototype: true },
      )
      .map((s) => ({ levels: ids.map((id, i) => ({ id, name: `Level ${i + 1}` })), ...s }) as unknown as PriorityScale),
  );

export const policyIdArb = fc.stringMatching(/^policy-[a-z0-9]{1,6}$/);

export const policyArb = (id: fc.Arbitrary<string> = policyIdArb): fc.Arbitrary<PolicyCore> =>
  fc
    .record(
      {
        id,
        priorities: priorityScaleArb,
        workflow: fc.record(
          {
            requiredFields: fc.subarray([...requirableFields]),
            approvalRequired: fc.subarray([...categories]),
            billableCategories: fc.subarray([...categories]),
            reopenWindow: fc.integer({ min: 1, max: 60 * 24 }).map((h) => h * HOUR),
          },
          { requiredKeys: [], noNullPrototype: true },
        ),
      },
      { noNullPrototype: true },
    )
    .map((p) => ({ name: `Policy ${p.id}`, ...p }) as PolicyCore);

/** Two policies with distinct ids, for histories that change policy. */
export const policyPairArb: fc.Arbitrary<readonly [PolicyCore, PolicyCore]> = fc
  .tuple(policyArb(fc.constant("policy-a")), policyArb(fc.constant("policy-b")))
  .map(([a, b]) => [a, b] as const);
