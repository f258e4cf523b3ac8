/**
 * The two policies of the test workloads: a business-hours response clock and 24×7 resolution
 * and next-reply clocks, resolved tickets closing after 2 days; `resume` resumes the resolution
 * clock on reopen, `restart` restarts it.
 */
import { type CompiledPolicy, compilePolicy, decodePolicy, type Policy, type PolicyLookup } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";

const week = [["09:00", "17:00"]];
const targets = (u: number, h: number, n: number, l: number) => ({
  urgent: `${u}m`,
  high: `${h}m`,
  normal: `${n}m`,
  low: `${l}m`,
});

const policyJson = (id: string, reopen: "resume" | "restart") => ({
  id,
  name: `workload ${id}`,
  priorities: {
    levels: [
      { id: "urgent", name: "Urgent" },
      { id: "high", name: "High" },
      { id: "normal", name: "Normal" },
      { id: "low", name: "Low" },
    ],
    default: "normal",
  },
  calendars: {
    office: {
      id: "office",
      version: 1,
      timeZone: "UTC",
      week: { mon: week, tue: week, wed: week, thu: week, fri: week },
    },
  },
  sla: {
    reopen,
    metrics: {
      response: { targets: targets(30, 60, 240, 480), calendar: "office" },
      resolution: { targets: targets(240, 480, 1440, 2880) },
      "next-reply": { targets: targets(60, 120, 240, 480) },
    },
    timers: { autoCloseResolved: { after: "2d" } },
  },
});

const decoded = (json: unknown): Policy => {
  const p = decodePolicy(json);
  if (E.isLeft(p)) throw new Error(p.left.message);
  return p.right;
};
const compiledOf = (p: Policy): CompiledPolicy => {
  const c = compilePolicy(p);
  if (E.isLeft(c)) throw new Error(c.left.message);
  return c.right;
};

export const resumePolicy: Policy = decoded(policyJson("resume", "resume"));
export const restartPolicy: Policy = decoded(policyJson("restart", "restart"));
export const compiledResume: CompiledPolicy = compiledOf(resumePolicy);
export const compiledRestart: CompiledPolicy = compiledOf(restartPolicy);
const byId: Record<string, { readonly plain: Policy; readonly compiled: CompiledPolicy }> = {
  resume: { plain: resumePolicy, compiled: compiledResume },
  restart: { plain: restartPolicy, compiled: compiledRestart },
};
/** A workload policy by id, plain and compiled. */
export const workloadPolicy = (id: string): { readonly plain: Policy; readonly compiled: CompiledPolicy } | undefined =>
  byId[id];

/** The compiled workload policies by id, as the projections look them up. */
export const workloadPolicies: PolicyLookup = (id) => byId[id]?.compiled;
