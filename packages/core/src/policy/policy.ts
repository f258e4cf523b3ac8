/**
 * A policy is data: everything a support desk's rules say, loadable from JSON and decoded with
 * io-ts. This module holds the parts the ticket lifecycle needs (priority scale, workflow);
 * the SLA, calendar, escalation and timer parts are added by their own modules.
 */
import * as t from "io-ts";
import { NonEmptyTextC } from "../shared/ids.js";
import { PriorityScaleC } from "./priority.js";
import { WorkflowC } from "./workflow.js";

export const PolicyCoreC = t.intersection([
  t.type({ id: NonEmptyTextC, name: t.string, priorities: PriorityScaleC }),
  t.partial({ version: t.number, description: t.string, workflow: WorkflowC }),
]);
export type PolicyCore = t.TypeOf<typeof PolicyCoreC>;
