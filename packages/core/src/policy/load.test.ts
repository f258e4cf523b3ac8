/**
 * loadPolicy (issue 10, item 8): a policy is decoded strictly, every reference is checked and
 * it is compiled, in one step that reports every error with its path, in one notation.
 */
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { HOUR } from "../shared/duration.js";
import { compiledPolicyOf } from "./compile.js";
import { loadPolicy } from "./load.js";
import { decodePolicy } from "./policy.js";

const base = {
  id: "p",
  name: "strict",
  version: 2,
  priorities: {
    levels: [
      { id: "1", name: "Critical" },
      { id: "2", name: "High" },
      { id: "3", name: "Normal" },
    ],
    default: "3",
  },
  calendars: {
    office: { id: "office", version: 1, timeZone: "Europe/Berlin", week: { mon: [["09:00", "17:00"]] } },
  },
  sla: {
    metrics: {
      response: { targets: { "1": "1h", "2": { within: "4h", calendar: "24x7" } }, calendar: "office" },
      resolution: { targets: { "1": "8h" }, pauseWhile: ["awaiting-customer"] },
      "next-reply": { targets: { "3": "1d" } },
    },
    retarget: "restart",
    warnings: [{ percent: 75 }],
    ladder: [{ metric: "resolution", percent: 50, level: 1, roles: ["head-of-support"] }],
    timers: { calendar: "office", downgradeOnSilence: [{ from: ["1"], to: "2", after: "3h" }] },
  },
  workflow: { phoneInPriorities: ["1"], reopenWindow: "7d" },
  notifications: {
    locale: "de",
    quietHours: { calendar: "office" },
    contacts: { agents: { ann: { address: "a@x" } } },
  },
};

type Json = Record<string, unknown>;
/** The base policy with `value` at `path` (a list of keys; `undefined` removes the key). */
const edit = (path: readonly (string | number)[], value: unknown): Json => {
  const copy = structuredClone(base) as Json;
  let at = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
};

const errorsOf = (input: unknown) => {
  const loaded = loadPolicy(input);
  return E.isLeft(loaded) ? loaded.left : [];
};

describe("loadPolicy", () => {
  it("loads a valid policy: decoded, compiled, and known to compiledPolicyOf", () => {
    const loaded = loadPolicy(base);
    if (E.isLeft(loaded)) throw new Error(loaded.left.map((e) => e.message).join("\n"));
    expect(loaded.right.policy.version).toBe(2);
    expect(loaded.right.metrics.map((m) => m.name)).toEqual(["response", "resolution", "next-reply"]);
    expect(loaded.right.metrics[0]?.targets.get("1")?.within).toBe(HOUR);
    expect(compiledPolicyOf(loaded.right.policy)).toEqual(E.right(loaded.right));
  });

  // Each typo → the one error it causes: its code, path and message.
  it.each<[string, Json, string, string, string]>([
    [
      "a misspelt top-level field",
      { ...base, descripton: "x" },
      "UNKNOWN_FIELD",
      "descripton",
      'descripton: unknown field (did you mean "description"?); expected one of id, name, priorities, version, description, workflow, $schema, calendars, sla, notifications',
    ],
    [
      "retaget",
      edit(["sla", "retaget"], "keep-start"),
      "UNKNOWN_FIELD",
      "sla.retaget",
      'sla.retaget: unknown field (did you mean "retarget"?); expected one of metrics, retarget, reopen, warnings, ladder, timers, olas',
    ],
    [
      "sla.timer (for timers)",
      edit(["sla", "timer"], {}),
      "UNKNOWN_FIELD",
      "sla.timer",
      'sla.timer: unknown field (did you mean "timers"?); expected one of metrics, retarget, reopen, warnings, ladder, timers, olas',
    ],
    [
      "pauseWile",
      edit(["sla", "metrics", "resolution", "pauseWile"], ["awaiting-customer"]),
      "UNKNOWN_FIELD",
      "sla.metrics.resolution.pauseWile",
      'sla.metrics.resolution.pauseWile: unknown field (did you mean "pauseWhile"?); expected one of targets, calendar, stopOn, pauseWhile, warnings',
    ],
    [
      "an unknown metric",
      edit(["sla", "metrics", "first-response"], { targets: { "1": "1h" } }),
      "UNKNOWN_FIELD",
      'sla.metrics["first-response"]',
      'sla.metrics["first-response"]: unknown field; expected one of response, plan, resolution, next-reply',
    ],
    [
      "validFrom, which no policy part has",
      edit(["sla", "metrics", "response", "validFrom"], "2025-01-01"),
      "UNKNOWN_FIELD",
      "sla.metrics.response.validFrom",
      "sla.metrics.response.validFrom: unknown field; expected one of targets, calendar, stopOn, pauseWhile, warnings",
    ],
    [
      "a misspelt target calendar",
      edit(["sla", "metrics", "response", "targets", "2"], { within: "4h", calender: "24x7" }),
      "UNKNOWN_FIELD",
      'sla.metrics.response.targets["2"].calender',
      'sla.metrics.response.targets["2"].calender: unknown field (did you mean "calendar"?); expected one of within, calendar',
    ],
    [
      "a warning with a misspelt threshold",
      edit(["sla", "warnings", 0], { percnt: 75 }),
      "UNKNOWN_FIELD",
      "sla.warnings[0].percnt",
      'sla.warnings[0].percnt: unknown field (did you mean "percent"?); expected one of percent, beforeDeadline',
    ],
    [
      "a ladder step with an unknown field",
      edit(["sla", "ladder", 0, "role"], "ceo"),
      "UNKNOWN_FIELD",
      "sla.ladder[0].role",
      'sla.ladder[0].role: unknown field (did you mean "roles"?); expected one of metric, level, roles, reassign, raisePriority, multiple, percent, beforeDeadline, afterDeadline',
    ],
    [
      "a time rule with an unknown field",
      edit(["sla", "timers", "autoCloseResolved"], { after: "3d", notify: true }),
      "UNKNOWN_FIELD",
      "sla.timers.autoCloseResolved.notify",
      "sla.timers.autoCloseResolved.notify: unknown field; expected one of after",
    ],
    [
      "a misspelt workflow field",
      edit(["workflow", "reopenWindw"], "7d"),
      "UNKNOWN_FIELD",
      "workflow.reopenWindw",
      'workflow.reopenWindw: unknown field (did you mean "reopenWindow"?); expected one of requiredFields, approvalRequired, billableCategories, reopenWindow, phoneInPriorities, sessions, attachments, customerTiers',
    ],
    [
      "a misspelt contact field",
      edit(["notifications", "contacts", "agents", "ann", "adress"], "a@x"),
      "UNKNOWN_FIELD",
      "notifications.contacts.agents.ann.adress",
      'notifications.contacts.agents.ann.adress: unknown field (did you mean "address"?); expected one of address, name',
    ],
    [
      "a misspelt priority level field",
      edit(["priorities", "levels", 1, "descripton"], "x"),
      "UNKNOWN_FIELD",
      "priorities.levels[1].descripton",
      'priorities.levels[1].descripton: unknown field (did you mean "description"?); expected one of id, name, description',
    ],
    [
      "a misspelt calendar field (the calendar's own check, same notation)",
      edit(["calendars", "office", "holiday"], []),
      "UNKNOWN_FIELD",
      "calendars.office.holiday",
      'calendars.office.holiday: unknown field of a weekly calendar (did you mean "holidays"?); expected one of id, version, timeZone, week, kind, description, holidays, overrides',
    ],
    [
      "a bad duration of a numeric priority",
      edit(["sla", "metrics", "response", "targets", "1"], "soon"),
      "INVALID_VALUE",
      'sla.metrics.response.targets["1"]',
      'sla.metrics.response.targets["1"]: "soon" is not a duration like "4h", "90m", "3d" or "1h30m"',
    ],
    [
      "a version that is not 1, 2, …",
      { ...base, version: 1.5 },
      "INVALID_VALUE",
      "version",
      "version: expected a version 1, 2, …",
    ],
    [
      "an unknown metric calendar",
      edit(["sla", "metrics", "response", "calendar"], "ofice"),
      "UNKNOWN_CALENDAR",
      "sla.metrics.response.calendar",
      'sla.metrics.response.calendar: calendar "ofice" is not defined by the policy (known: 24x7, office)',
    ],
    [
      "a target for a priority off the scale",
      edit(["sla", "metrics", "resolution", "targets", "4"], "1d"),
      "INVALID_SLA_POLICY",
      'sla.metrics.resolution.targets["4"]',
      'sla.metrics.resolution.targets["4"]: priority "4" is not on the scale',
    ],
    [
      "a default priority off the scale",
      edit(["priorities", "default"], "normal"),
      "INVALID_POLICY",
      "priorities.default",
      'priorities.default: priority "normal" is not on the scale',
    ],
    [
      "a phone-in priority off the scale",
      edit(["workflow", "phoneInPriorities", 0], "P1"),
      "INVALID_POLICY",
      "workflow.phoneInPriorities[0]",
      'workflow.phoneInPriorities[0]: priority "P1" is not on the scale',
    ],
    [
      "an unknown quiet-hours calendar",
      edit(["notifications", "quietHours", "calendar"], "night"),
      "INVALID_POLICY",
      "notifications.quietHours.calendar",
      'notifications.quietHours.calendar: calendar "night" is not defined by the policy (known: 24x7, office)',
    ],
    [
      "a ladder step on a metric the policy does not have",
      edit(["sla", "ladder", 0, "metric"], "plan"),
      "INVALID_SLA_POLICY",
      "sla.ladder[0].metric",
      'sla.ladder[0].metric: the policy has no "plan" metric',
    ],
  ])("%s", (_name, input, code, path, message) => {
    expect(errorsOf(input)).toEqual([expect.objectContaining({ code, path, message })]);
  });

  it("reports every error at once: shape errors together, then every reference error together", () => {
    const typos = edit(["sla", "retaget"], "restart");
    (typos.sla as Json).timer = {};
    ((typos.sla as Json).metrics as Json).respons = {};
    expect(errorsOf(typos).map((e) => e.path)).toEqual(["sla.retaget", "sla.timer", "sla.metrics.respons"]);

    const references = edit(["sla", "metrics", "response", "calendar"], "ofice");
    const metrics = (references.sla as Json).metrics as Record<string, Json>;
    (metrics.resolution?.targets as Json).P9 = "1d";
    (metrics.response?.targets as Json)["2"] = { within: "4h", calendar: "nights" };
    (references.sla as Json).timers = { calendar: "weekend" };
    (references.priorities as Json).default = "normal";
    expect(errorsOf(references).map((e) => `${e.code} ${e.path}`)).toEqual([
      "INVALID_POLICY priorities.default",
      "UNKNOWN_CALENDAR sla.metrics.response.calendar",
      'UNKNOWN_CALENDAR sla.metrics.response.targets["2"].calendar',
      "INVALID_SLA_POLICY sla.metrics.resolution.targets.P9",
      "UNKNOWN_CALENDAR sla.timers.calendar",
    ]);
  });

  it("decodePolicy is as strict as loadPolicy about fields (it checks no references)", () => {
    const typo = decodePolicy(edit(["sla", "retaget"], "restart"));
    expect(E.isLeft(typo) && typo.left.issues.map((i) => i.path)).toEqual(["sla.retaget"]);
    expect(E.isRight(decodePolicy(edit(["priorities", "default"], "normal")))).toBe(true);
  });
});

describe("loadPolicy never throws", () => {
  it("a getter that throws is an error value", () => {
    const input = Object.defineProperty({ ...base }, "sla", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(errorsOf(input)).toEqual([
      expect.objectContaining({ code: "INVALID_VALUE", message: expect.stringContaining("boom") }),
    ]);
  });

  it("whatever it is given: any value, BigInt, cycles, getters that throw, near-policies", () => {
    const hostile = fc.oneof(
      fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withDate: true }),
      fc.anything().map((v) => ({ ...base, sla: { metrics: { response: v } } })),
      fc.constant(
        Object.defineProperty({ ...base }, "sla", {
          enumerable: true,
          get() {
            throw new Error("boom");
          },
        }),
      ),
      fc.constant(
        (() => {
          const cyclic: Json = structuredClone(base);
          (cyclic.sla as Json).metrics = { response: cyclic };
          return cyclic;
        })(),
      ),
    );
    fc.assert(
      fc.property(hostile, (input) => {
        const loaded = loadPolicy(input);
        if (E.isLeft(loaded)) expect(loaded.left.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
