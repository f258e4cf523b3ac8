/**
 * P-C "contract service desk" (seeds/002, Russian) walked through its rules. The contract's
 * reaction and resolution times are not in the document ("the Contract's table of
 * thresholds"); the policy carries example thresholds (24x7): reaction 30m/1h/4h/8h and
 * resolution 8h/24h/72h/120h for priorities 1–4. The escalation ladder reads the document's
 * table as: 1× reaction and 0.5× resolution → head of support; 1× resolution → head of support
 * and account manager; 2× → account manager; 3× → CEO. A P1 whose customer is silent for 3 h
 * while asked drops to P2. P1/P2 raised by mail or web must also be phoned in.
 * Week of Monday 2025-03-03, 24x7, instants in UTC.
 */
import { decodePolicySelection, HOUR, selectPolicyId } from "@ticketfold/core";
import { describe, expect, it } from "vitest";
import { loadPolicy, pC } from "../index.js";
import pCSelectionJson from "../p-c-selection.json" with { type: "json" };
import pCUnregisteredJson from "../p-c-unregistered.json" with { type: "json" };
import { askCustomer, changePriority, customerComment, open, reply, requestEscalation } from "./acts.js";
import { iso, refusal, Walk } from "./walk.js";

const MON = "2025-03-03T09:00Z";

const opened = (priority: unknown, extra: Record<string, unknown> = {}) => {
  const w = new Walk(pC);
  w.do(MON, open({ contractId: "SC-2025-0042", priority, ...extra }));
  return w;
};

describe("P-C intake", () => {
  it.each([
    [undefined, "4", true],
    ["urgent!!", "4", true],
    ["1", "1", false],
    ["high", "2", false],
  ])("priority %j is registered as %s (defaulted: %s)", (given, priority, defaulted) => {
    const w = opened(given);
    expect([w.state.priority, w.events[0]?.type === "opened" && w.events[0].data.priorityDefaulted]).toEqual([
      priority,
      defaulted,
    ]);
  });

  it("a request without the contract number is refused", () => {
    const w = new Walk(pC);
    expect(refusal(w.tryAt(MON, open({ priority: "1" })))).toMatchObject({
      code: "MISSING_FIELD",
      field: "contractId",
    });
  });

  it.each([
    ["1", "email", ["requester:ticket-opened", "requester:phone-in-reminder"]],
    ["2", "web", ["requester:ticket-opened", "requester:phone-in-reminder"]],
    ["1", "phone", ["requester:ticket-opened"]],
    ["3", "email", ["requester:ticket-opened"]],
  ])("priority %s raised by %s: %j, in Russian", (priority, channel, notices) => {
    const w = opened(priority, { channel });
    expect(w.noticesOn("opened")).toEqual(notices);
    expect(new Set(w.intents.map((n) => n.locale))).toEqual(new Set(["ru"]));
  });
});

describe("P-C example thresholds", () => {
  it.each([
    ["1", "2025-03-03T09:30Z", "2025-03-03T17:00Z"],
    ["2", "2025-03-03T10:00Z", "2025-03-04T09:00Z"],
    ["3", "2025-03-03T13:00Z", "2025-03-06T09:00Z"],
    ["4", "2025-03-03T17:00Z", "2025-03-08T09:00Z"],
  ])("priority %s opened Mon 09:00: reaction by %s, resolution by %s", (priority, reaction, resolution) => {
    const s = opened(priority).sla(MON);
    expect([iso(s.response?.deadline), iso(s.resolution?.deadline)]).toEqual([reaction, resolution]);
  });
});

describe("P-C escalation ladder", () => {
  it.each([
    ["2025-03-03T09:15Z", 0, [], 1, "2025-03-03T09:30Z"],
    ["2025-03-03T09:30Z", 1, ["head-of-support"], 2, "2025-03-03T17:00Z"],
    ["2025-03-03T13:00Z", 1, ["head-of-support"], 2, "2025-03-03T17:00Z"],
    ["2025-03-03T17:00Z", 2, ["head-of-support", "account-manager"], 3, "2025-03-04T09:00Z"],
    ["2025-03-04T01:00Z", 2, ["head-of-support", "account-manager"], 3, "2025-03-04T09:00Z"],
    ["2025-03-04T09:00Z", 3, ["ceo"], null, null],
  ])("an unanswered P1 at %s: level %i informing %j; next level %s at %s", (when, level, roles, next, nextAt) => {
    const s = opened("1").ladder(when);
    expect([s.level, s.roles, s.next?.level ?? null, iso(s.next?.at)]).toEqual([level, roles, next, nextAt]);
  });

  it("the ladder scales with the priority's targets (P3: reaction 4 h, resolution 72 h)", () => {
    const s = opened("3").ladder("2025-03-20T00:00Z");
    expect(s.reached.map((r) => [r.level, iso(r.at)])).toEqual([
      [1, "2025-03-03T13:00Z"],
      [1, "2025-03-04T21:00Z"],
      [2, "2025-03-06T09:00Z"],
      [2, "2025-03-09T09:00Z"],
      [3, "2025-03-12T09:00Z"],
    ]);
  });

  it("the timers record each step with its roles and tell the contract's contacts", () => {
    const w = opened("1");
    w.do("2025-03-03T09:20Z", reply());
    const steps = w.runTimers("2025-03-05T00:00Z").filter((a) => a.command.type === "record-escalation-level");
    expect(steps.map((a) => [a.at, (a.command.data as { level: number; roles: string[] }).roles])).toEqual([
      ["2025-03-03T13:00Z", ["head-of-support"]],
      ["2025-03-03T17:00Z", ["head-of-support", "account-manager"]],
      ["2025-03-04T01:00Z", ["account-manager"]],
      ["2025-03-04T09:00Z", ["ceo"]],
    ]);
    expect(w.state.escalationLevel).toBe(3);
    const told = w.intents.filter((n) => n.rule === "escalation-reached").map((n) => n.recipients[0]?.address);
    expect(told).toEqual([
      "head-of-support@desk.example",
      "head-of-support@desk.example",
      "account-manager@desk.example",
      "account-manager@desk.example",
      "ceo@desk.example",
    ]);
  });
});

describe("P-C the customer escalates in turn", () => {
  it.each([
    ["2025-03-03T09:20Z", 1, "2025-03-03T09:30Z"],
    ["2025-03-03T09:29Z", 1, "2025-03-03T09:30Z"],
  ])("a request at %s, before 1× reaction, is refused: level %i possible at %s", (when, level, possibleAt) => {
    const refused = refusal(opened("1").tryAt(when, requestEscalation()));
    expect(refused).toMatchObject({ code: "ESCALATION_NOT_YET_POSSIBLE", level });
    expect(iso((refused as { possibleAt: number }).possibleAt)).toBe(possibleAt);
  });

  it("each level in turn, each refused until its step is reached", () => {
    const w = opened("1");
    const attempts = [
      "2025-03-03T09:30Z",
      "2025-03-03T10:00Z",
      "2025-03-03T17:00Z",
      "2025-03-03T18:00Z",
      "2025-03-04T09:00Z",
      "2025-03-04T10:00Z",
    ].map((when) => {
      const r = w.tryAt(when, requestEscalation());
      const no = refusal(r) as { level: number; possibleAt: number | null } | undefined;
      return no ? ["refused", no.level, iso(no.possibleAt)] : ["accepted", w.state.escalationRequests.at(-1)?.level];
    });
    expect(attempts).toEqual([
      ["accepted", 1],
      ["refused", 2, "2025-03-03T17:00Z"],
      ["accepted", 2],
      ["refused", 3, "2025-03-04T09:00Z"],
      ["accepted", 3],
      ["refused", 4, null],
    ]);
    const asked = w.intents.filter((n) => n.rule === "escalation-requested");
    // One intent per level and role: level 2 tells both the head of support and the account manager.
    expect(asked.map((n) => [n.data.level, n.recipients.map((r) => r.address)])).toEqual([
      ["1", ["head-of-support@desk.example"]],
      ["2", ["head-of-support@desk.example"]],
      ["2", ["account-manager@desk.example"]],
      ["3", ["ceo@desk.example"]],
    ]);
  });

  it("answered in time, level 1 waits for 0.5× resolution; while the clock is paused no time is given", () => {
    const w = opened("1");
    w.do("2025-03-03T09:10Z", reply());
    const early = refusal(w.tryAt("2025-03-03T09:40Z", requestEscalation())) as { possibleAt: number | null };
    expect(iso(early.possibleAt)).toBe("2025-03-03T13:00Z");
    w.do("2025-03-03T10:00Z", askCustomer());
    const paused = refusal(w.tryAt("2025-03-03T11:00Z", requestEscalation()));
    expect(paused).toMatchObject({ code: "ESCALATION_NOT_YET_POSSIBLE", level: 1, possibleAt: null });
    expect(paused?.message).toContain("paused");
  });
});

describe("P-C priority changes", () => {
  const asked = () => {
    const w = opened("1");
    w.do("2025-03-03T09:10Z", reply());
    w.do("2025-03-03T10:00Z", askCustomer("more-information", "Пришлите, пожалуйста, журнал."));
    return w;
  };

  it("a P1 whose customer does not answer for 3 hours drops to P2, by the timers", () => {
    const w = asked();
    expect(w.wakeUp()).toBe("2025-03-03T13:00Z");
    const applied = w.runTimers("2025-03-03T13:00Z");
    expect(applied.map((a) => [a.at, a.command.type, a.command.data])).toEqual([
      [
        "2025-03-03T13:00Z",
        "change-priority",
        { priority: "2", cause: "customer-silence", reason: "the customer has not answered for 3h" },
      ],
    ]);
    expect([w.state.priority, w.noticesOn("prioritised")]).toEqual(["2", ["requester:priority-changed"]]);
    // Keep start: 1 h used of P2's 24 h, paused; if the customer answered now, due Tue 12:00.
    const r = w.sla("2025-03-03T13:00Z").resolution;
    expect([r?.state, r?.target, r?.elapsed, iso(r?.deadline)]).toEqual([
      "paused",
      24 * HOUR,
      HOUR,
      "2025-03-04T12:00Z",
    ]);
    expect(w.wakeUp()).toBeNull();
  });

  it("an answer within 3 hours keeps P1", () => {
    const w = asked();
    w.do("2025-03-03T12:59Z", customerComment("Журнал во вложении."));
    expect(w.dueAt("2025-03-03T13:00Z")).toEqual([]);
    expect(w.state.priority).toBe("1");
  });

  it("P2 is not downgraded for silence", () => {
    const w = opened("2");
    w.do("2025-03-03T09:10Z", askCustomer());
    expect(w.dueAt("2025-03-04T09:00Z").filter((c) => c.type === "change-priority")).toEqual([]);
  });

  it("after a workaround the desk lowers a P1 to P3; the resolution target follows from the original start", () => {
    const w = opened("1");
    w.do("2025-03-03T11:00Z", changePriority("3", "workaround"));
    const r = w.sla("2025-03-03T11:00Z").resolution;
    expect([r?.priority, iso(r?.deadline)]).toEqual(["3", "2025-03-06T09:00Z"]);
    expect(w.events.at(-1)).toMatchObject({ type: "prioritised", data: { from: "1", to: "3", cause: "workaround" } });
  });
});

describe("P-C without P/N or S/N the registration time is not guaranteed", () => {
  const unregistered = loadPolicy(pCUnregisteredJson, "p-c-unregistered.json");
  const decoded = decodePolicySelection(pCSelectionJson);
  if (decoded._tag === "Left") throw new Error(decoded.left.message);
  const selection = decoded.right;
  const ticket = { category: "incident" as const, contractId: "SC-2025-0042" };

  it.each([
    ["product and serial number given", { product: "DL380-G10", serialNumber: "CZJ12345" }, "p-c"],
    ["no serial number", { product: "DL380-G10" }, "p-c-unregistered"],
    ["no product number", { serialNumber: "CZJ12345" }, "p-c-unregistered"],
    ["neither", {}, "p-c-unregistered"],
  ])("%s: the selection chooses %s", (_, fields, policy) => {
    expect(selectPolicyId(selection, { ...ticket, ...fields })).toBe(policy);
  });

  it("under the variant there is no reaction clock, and resolution runs as in P-C", () => {
    const w = new Walk(unregistered);
    w.do(MON, open({ contractId: "SC-2025-0042", priority: "1" }));
    const s = w.sla("2025-03-03T10:00Z");
    expect([s.response, iso(s.resolution?.deadline)]).toEqual([undefined, "2025-03-03T17:00Z"]);
  });

  it("the ladder's first step is 0.5× resolution, not 1× reaction", () => {
    const w = new Walk(unregistered);
    w.do(MON, open({ contractId: "SC-2025-0042", priority: "1" }));
    const l = w.ladder("2025-03-03T09:30Z");
    expect([l.level, l.next?.level, iso(l.next?.at)]).toEqual([0, 1, "2025-03-03T13:00Z"]);
  });
});
