import { describe, expect, it } from "vitest";
import type { TicketEvent } from "../ticket/events.js";
import {
  agent,
  ev,
  intentsAfter,
  officeHours,
  opened,
  policy,
  requester,
  system,
  T0,
  TICKET,
} from "./fixtures.test-support.js";
import type { NotificationIntent } from "./intent.js";

const H = 3_600_000;
const assigned = ev("assigned", { assignee: "agent-7" }, T0 + 1);
const accepted = ev("accepted", {}, T0 + 2);
const base: TicketEvent[] = [opened(), accepted, assigned];

/** rule, role, audience, urgent, addresses — what a reader of the rules checks. */
const summary = (intents: NotificationIntent[]) =>
  intents.map((i) => [i.rule, i.recipients[0]?.role, i.audience, i.urgent, i.recipients.map((r) => r.address ?? "-")]);

describe("notificationsFor: each rule (scenario table)", () => {
  it.each<[string, TicketEvent[], TicketEvent, unknown[]]>([
    [
      "P-D/P-E opening confirmed to the requester",
      [],
      opened("3"),
      [["ticket-opened", "requester", "requester", false, ["kim@contoso.example"]]],
    ],
    [
      "P-C P1 by mail: confirmation and phone-in reminder",
      [],
      opened("1", "email"),
      [
        ["ticket-opened", "requester", "requester", false, ["kim@contoso.example"]],
        ["phone-in-reminder", "requester", "requester", true, ["kim@contoso.example"]],
      ],
    ],
    [
      "P-C P2 via web: phone-in reminder",
      [],
      opened("2", "web"),
      [
        ["ticket-opened", "requester", "requester", false, ["kim@contoso.example"]],
        ["phone-in-reminder", "requester", "requester", true, ["kim@contoso.example"]],
      ],
    ],
    [
      "P-C P1 by phone: no reminder (it was phoned in)",
      [],
      opened("1", "phone"),
      [["ticket-opened", "requester", "requester", false, ["kim@contoso.example"]]],
    ],
    [
      "P-E accepted for work",
      [opened()],
      accepted,
      [["ticket-accepted", "requester", "requester", false, ["kim@contoso.example"]]],
    ],
    [
      "P-E returned to the requester for more information",
      base,
      ev("awaiting-customer", { reason: "more-information", question: "Which printer?" }),
      [["ticket-awaiting-customer", "requester", "requester", false, ["kim@contoso.example"]]],
    ],
    [
      "P-B approval asked of the organisation's point of contact",
      base,
      ev("awaiting-customer", { reason: "approval" }),
      [["approval-requested", "organisation", "requester", false, ["poc@contoso.example"]]],
    ],
    [
      "P-D/P-E resolved, P-A feedback request",
      base,
      ev("resolved", { resolution: "Extinguished" as never }),
      [
        ["ticket-resolved", "requester", "requester", false, ["kim@contoso.example"]],
        ["feedback-request", "requester", "requester", false, ["kim@contoso.example"]],
      ],
    ],
    [
      "P-E/P-D closed",
      base,
      ev("closed", { by: "system", reason: "auto-close-resolved" }, T0, system),
      [["ticket-closed", "requester", "requester", false, ["kim@contoso.example"]]],
    ],
    [
      "P-E priority changed by support",
      base,
      ev("prioritised", { from: "3", to: "2", cause: "manual" }),
      [["priority-changed", "requester", "requester", false, ["kim@contoso.example"]]],
    ],
    [
      "P-D public agent comment reaches the requester",
      base,
      ev("commented", { author: "agent", visibility: "public", body: "On my way" as never, attachments: [] }),
      [["public-reply", "requester", "requester", false, ["kim@contoso.example"]]],
    ],
    [
      "internal note: nobody is notified",
      base,
      ev("commented", { author: "agent", visibility: "internal", body: "Customer is rude" as never, attachments: [] }),
      [],
    ],
    [
      "P-D customer comment reaches the assignee",
      base,
      ev(
        "commented",
        { author: "customer", visibility: "public", body: "Still smoking" as never, attachments: [] },
        T0,
        requester,
      ),
      [["customer-comment", "assignee", "staff", false, ["ann@desk.example"]]],
    ],
    [
      "P-D customer comment on an unassigned ticket reaches the group",
      [opened(), ev("assigned", { assignee: null, group: "1st-line" })],
      ev(
        "commented",
        { author: "customer", visibility: "public", body: "Hello?" as never, attachments: [] },
        T0,
        requester,
      ),
      [["customer-comment", "group", "staff", false, ["first@desk.example"]]],
    ],
    [
      "P-D reopened goes back to the assignee",
      [...base, ev("resolved", { resolution: "done" as never })],
      ev("reopened", { from: "resolved", reason: "customer-comment" }, T0, requester),
      [["ticket-reopened", "assignee", "staff", false, ["ann@desk.example"]]],
    ],
    [
      "P-C ladder level reached informs the level's roles",
      base,
      ev(
        "escalation-level-reached",
        { level: 2, metric: "resolution", cycle: 0, step: 3, roles: ["head-of-support", "account-manager"] },
        T0,
        system,
      ),
      [
        ["escalation-reached", "head-of-support", "staff", true, ["head@desk.example"]],
        ["escalation-reached", "account-manager", "staff", true, ["am@desk.example"]],
      ],
    ],
    [
      "P-C customer escalation informs the roles of the requested level",
      base,
      ev("escalation-requested", { level: 3, reason: "Nobody answers" }, T0, requester),
      [["escalation-requested", "ceo", "staff", true, ["ceo@desk.example"]]],
    ],
    [
      "SLA warning to the assignee and their manager",
      base,
      ev("sla-warning-issued", { metric: "resolution", cycle: 0, warning: "75%", deadline: T0 + 4 * H }, T0, system),
      [
        ["sla-warning", "assignee", "staff", false, ["ann@desk.example"]],
        ["sla-warning", "manager", "staff", false, ["boss@desk.example"]],
      ],
    ],
    [
      "SLA breach to the assignee and their manager, urgent",
      base,
      ev("sla-breached", { metric: "response", cycle: 0, deadline: T0 + H }, T0, system),
      [
        ["sla-breach", "assignee", "staff", true, ["ann@desk.example"]],
        ["sla-breach", "manager", "staff", true, ["boss@desk.example"]],
      ],
    ],
    ["time logged: nothing", base, ev("time-logged", { minutes: 30, billable: false }), []],
  ])("%s", (_name, history, event, expected) => {
    expect(summary(intentsAfter(history, event))).toEqual(expected);
  });
});

describe("notificationsFor: what the notices say", () => {
  it("the opening confirmation carries the derived number, tag and link (P-D)", () => {
    const [intent] = intentsAfter([], opened());
    expect(intent?.data).toMatchObject({
      number: TICKET.slice(-10),
      tag: `[#${TICKET.slice(-10)}]`,
      link: `https://desk.example/t/${TICKET}`,
      subject: "Printer on fire",
      priorityName: "Medium",
    });
    expect(intent?.locale).toBe("de");
  });

  it("an app-supplied ticket number wins over the derived one", () => {
    const [intent] = intentsAfter([], opened(), { ticketNumber: "10034" });
    expect(intent?.data.tag).toBe("[#10034]");
  });

  it("resolved says when the ticket closes by itself (policy auto-close 3d)", () => {
    const [resolved] = intentsAfter(base, ev("resolved", { resolution: "done" as never }, T0 + H));
    expect(resolved?.data.closesAt).toBe(new Date(T0 + H + 72 * H).toISOString());
  });

  it("resolved omits the closing time when the policy has no auto-close", () => {
    const { sla: _sla, ...noSla } = policy;
    const [resolved] = intentsAfter(base, ev("resolved", { resolution: "done" as never }), {}, noSla);
    expect(resolved?.data.closesAt).toBeUndefined();
  });

  it("a priority change by a requester is not announced as support's change", () => {
    const e = ev("prioritised", { from: "3", to: "1", cause: "manual" }, T0, requester);
    expect(intentsAfter(base, e).map((i) => i.rule)).not.toContain("priority-changed");
  });

  it("priority change names both priorities", () => {
    const [i] = intentsAfter(base, ev("prioritised", { from: "3", to: "2", cause: "workaround" }, T0, agent));
    expect(i?.data).toMatchObject({ fromName: "Medium", toName: "High", cause: "workaround" });
  });

  it("intent ids are eventId/rule/role, the same on every run", () => {
    const e = ev("sla-breached", { metric: "response", cycle: 0, deadline: T0 }, T0, system);
    const ids = intentsAfter(base, e, { eventId: "E9" }).map((i) => i.id);
    expect(ids).toEqual(["E9/sla-breach/assignee", "E9/sla-breach/manager"]);
    expect(intentsAfter(base, e, { eventId: "E9" }).map((i) => i.id)).toEqual(ids);
  });

  it("disabled rules are not produced", () => {
    const p = policy;
    const off = { ...p, notifications: { ...p.notifications, disabledRules: ["feedback-request" as const] } };
    const rules = intentsAfter(base, ev("resolved", { resolution: "done" as never }), {}, off).map((i) => i.rule);
    expect(rules).toEqual(["ticket-resolved"]);
  });

  it("the requester's own language overrides the policy's for requester notices only", () => {
    const [i] = intentsAfter([], opened(), { requesterLocale: "ru" });
    expect(i?.locale).toBe("ru");
  });
});

describe("auto-close time on a business calendar", () => {
  const onOffice = {
    ...policy,
    sla: { ...policy.sla, timers: { calendar: "office", autoCloseResolved: { after: H } } },
  };
  it("counts on the timers' calendar when the caller supplies it", () => {
    const friday1630 = Date.parse("2025-03-07T16:30:00Z");
    const shifted = {
      ...officeHours,
      add: (at: number, d: number) => (at === friday1630 && d === H ? Date.parse("2025-03-10T09:30:00Z") : Number.NaN),
    };
    const [r] = intentsAfter(
      base,
      ev("resolved", { resolution: "done" as never }, friday1630),
      { calendars: (n) => (n === "office" ? shifted : undefined) },
      onOffice,
    );
    expect(r?.data.closesAt).toBe("2025-03-10T09:30:00.000Z");
  });
  it("omits the time when that calendar is not supplied", () => {
    const [r] = intentsAfter(base, ev("resolved", { resolution: "done" as never }), {}, onOffice);
    expect(r?.data.closesAt).toBeUndefined();
  });
});
