/**
 * A policy is data: everything a support desk's rules say, loadable from JSON and decoded with
 * io-ts. This module holds the part the ticket lifecycle needs (priority scale, workflow); the
 * whole policy (policy.ts) adds the calendars, the SLA part (sla.ts, with its ladder and time
 * rules) and the notification part.
 */
import * as t from "io-ts";
import { guarded } from "../shared/decode.js";
import { NonEmptyTextC } from "../shared/ids.js";
import { withJsonSchema } from "../shared/json-schema.js";
import { PriorityScaleC } from "./priority.js";
import { WorkflowC } from "./workflow.js";

/**
 * A policy's version: 1, 2, … (absent = 1). A ticket is judged under the version it was opened
 * (or changed) under, so an edit that should not re-judge old tickets gets a new version.
 */
export const PolicyVersionC = withJsonSchema(
  new t.Type<number, number, unknown>(
    "PolicyVersion",
    (u): u is number => Number.isInteger(u) && (u as number) >= 1,
    (u, c) =>
      Number.isInteger(u) && (u as number) >= 1
        ? t.success(u as number)
        : t.failure(u, c, "expected a version 1, 2, …"),
    (n) => n,
  ),
  { type: "integer", minimum: 1 },
);

export const PolicyCoreC = t.intersection([
  t.type({ id: NonEmptyTextC, name: t.string, priorities: PriorityScaleC }),
  t.partial({ version: PolicyVersionC, description: t.string, workflow: WorkflowC }),
]);
// Its `decode` never throws: a getter or Proxy that throws is a failure (shared/decode.ts).
guarded(PolicyCoreC);
export type PolicyCore = t.TypeOf<typeof PolicyCoreC>;
