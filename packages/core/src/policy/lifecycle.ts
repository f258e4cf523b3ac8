/**
 * A policy is data: everything a support desk's rules say, loadable from JSON and decoded with
 * io-ts. This module holds the part the ticket lifecycle needs (priority scale, workflow); the
 * whole policy (policy.ts) adds the calendars, the SLA part (sla.ts, with its ladder and time
 * rules) and the notification part.
 */
import * as t from "io-ts";
import { guarded } from "../shared/decode.js";
import { NonEmptyTextC } from "../shared/ids.js";
import { PriorityScaleC } from "./priority.js";
import { WorkflowC } from "./workflow.js";

export const PolicyCoreC = t.intersection([
  t.type({ id: NonEmptyTextC, name: t.string, priorities: PriorityScaleC }),
  t.partial({ version: t.number, description: t.string, workflow: WorkflowC }),
]);
// Its `decode` never throws: a getter or Proxy that throws is a failure (shared/decode.ts).
guarded(PolicyCoreC);
export type PolicyCore = t.TypeOf<typeof PolicyCoreC>;
