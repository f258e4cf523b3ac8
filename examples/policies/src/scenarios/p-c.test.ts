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
import { decodePolicySelection, resolveKeyFieldPriority, selectPolicyId } from "@ticketfold/core";
import {
  appended,
  at,
  deadlines,
  given,
  nextWakeUpAt,
  notified,
  type OpenFields,
  ticketState,
  timersFired,
  timersUntil,
} from "@ticketfold/testing";
import { describe, expect, it } from "vitest";
import { pC, policyFile } from "../index.js";
import pCSelectionJson from "../p-c-selection.json" with { type: "json" };
import pCUnregisteredJson from "../p-c-unregistered.json" with { type: "json" };

const MON = "2025-03-03T09:00Z";

const opened = (priority: unknown, extra: OpenFields = {}) =>
  given(pC).opened({ at: MON, contractId: "SC-2025-0042", priority, ...extra });

describe("P-C intake", () => {
  it.each([
    [undefined, "4", true],
    ["urgent!!", "4", true],
    ["1", "1", false],
    ["high", "2", false],
  ])("priority %j is registered as %s (defaulted: %s)", (given, priority, defaulted) => {
    opened(given).expect(
      ticketState({ priority }),
      appended([{ type: "opened", data: { priority, priorityDefaulted: defaulted } }]),
    );
  });

  it.each([
    ["1", "1", false],
    [" 3 ", "3", false],
    ["High", "4", true],
    ["Критический", "4", true],
    ["1 (Critical)", "4", true],
    [undefined, "4", true],
  ])(
    "a mail's Priority: key field %j registers priority %s (defaulted: %s): only the scale's ids are the required format",
    (field, priority, defaulted) => {
      // "При отсутствии в обращении по Email установленного пользователем приоритета проблемы,
      // или его некорректном указании (несоответствии требуемому формату) запросу автоматически
      // присваивается приоритет 4 (Низкий)": `priorities.keyFieldValues: "ids"`, as mail intake
      // (@ticketfold/intake-email) reads the key field.
      const resolved = resolveKeyFieldPriority(pC.priorities, field);
      expect(resolved).toEqual({ priority, defaulted });
      opened(resolved.defaulted ? undefined : resolved.priority).expect(
        ticketState({ priority }),
        appended([{ type: "opened", data: { priority, priorityDefaulted: defaulted } }]),
      );
    },
  );

  it("a request without the contract number is refused", () => {
    given(pC).refuses(at(MON).open({ priority: "1" }), { code: "MISSING_FIELD", field: "contractId" });
  });

  it.each([
    ["1", "email", ["requester:ticket-opened", "requester:phone-in-reminder"]],
    ["2", "web", ["requester:ticket-opened", "requester:phone-in-reminder"]],
    ["1", "phone", ["requester:ticket-opened"]],
    ["3", "email", ["requester:ticket-opened"]],
  ] as const)("priority %s raised by %s: %j, in Russian", (priority, channel, notices) => {
    opened(priority, { channel }).expect(
      notified(notices),
      notified(
        notices.map(() => ({ locale: "ru" })),
        { during: "all" },
      ),
    );
  });
});

describe("P-C example thresholds", () => {
  it.each([
    ["1", "2025-03-03T09:30Z", "2025-03-03T17:00Z"],
    ["2", "2025-03-03T10:00Z", "2025-03-04T09:00Z"],
    ["3", "2025-03-03T13:00Z", "2025-03-06T09:00Z"],
    ["4", "2025-03-03T17:00Z", "2025-03-08T09:00Z"],
  ])("priority %s opened Mon 09:00: reaction by %s, resolution by %s", (priority, reaction, resolution) => {
    opened(priority).expect(deadlines({ response: reaction, resolution }));
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
    opened("1").expect(at(when).escalation({ level, roles, next: next === null ? null : { level: next, at: nextAt } }));
  });

  it("the ladder scales with the priority's targets (P3: reaction 4 h, resolution 72 h)", () => {
    opened("3").expect(
      at("2025-03-20T00:00Z").escalation({
        reached: [
          { level: 1, at: "2025-03-03T13:00Z" },
          { level: 1, at: "2025-03-04T21:00Z" },
          { level: 2, at: "2025-03-06T09:00Z" },
          { level: 2, at: "2025-03-09T09:00Z" },
          { level: 3, at: "2025-03-12T09:00Z" },
        ],
      }),
    );
  });

  it("the timers record each step with its roles and tell the contract's contacts", () => {
    opened("1")
      .then(at("2025-03-03T09:20Z").reply())
      .then(timersUntil("2025-03-05T00:00Z"))
      .expect(
        timersFired(
          [
            { at: "2025-03-03T13:00Z", roles: ["head-of-support"] },
            { at: "2025-03-03T17:00Z", roles: ["head-of-support", "account-manager"] },
            { at: "2025-03-04T01:00Z", roles: ["account-manager"] },
            { at: "2025-03-04T09:00Z", roles: ["ceo"] },
          ],
          ["record-escalation-level"],
        ),
        ticketState({ escalationLevel: 3 }),
        notified(
          [
            { to: ["head-of-support@desk.example"] },
            { to: ["head-of-support@desk.example"] },
            { to: ["account-manager@desk.example"] },
            { to: ["account-manager@desk.example"] },
            { to: ["ceo@desk.example"] },
          ],
          { rule: "escalation-reached" },
        ),
      );
  });
});

describe("P-C the customer escalates in turn", () => {
  it.each([
    ["2025-03-03T09:20Z", 1, "2025-03-03T09:30Z"],
    ["2025-03-03T09:29Z", 1, "2025-03-03T09:30Z"],
  ])("a request at %s, before 1× reaction, is refused: level %i possible at %s", (when, level, possibleAt) => {
    opened("1").refuses(at(when).requestEscalation(), { code: "ESCALATION_NOT_YET_POSSIBLE", level, possibleAt });
  });

  it("each level in turn, each refused until its step is reached", () => {
    const requested = (level: number) => appended([{ type: "escalation-requested", data: { level } }]);
    const notYet = (level: number, possibleAt: string | null) => ({
      code: "ESCALATION_NOT_YET_POSSIBLE",
      level,
      possibleAt,
    });
    opened("1")
      .then(at("2025-03-03T09:30Z").requestEscalation())
      .expect(requested(1))
      .refuses(at("2025-03-03T10:00Z").requestEscalation(), notYet(2, "2025-03-03T17:00Z"))
      .then(at("2025-03-03T17:00Z").requestEscalation())
      .expect(requested(2))
      .refuses(at("2025-03-03T18:00Z").requestEscalation(), notYet(3, "2025-03-04T09:00Z"))
      .then(at("2025-03-04T09:00Z").requestEscalation())
      .expect(requested(3))
      .refuses(at("2025-03-04T10:00Z").requestEscalation(), notYet(4, null))
      .expect(
        // One intent per level and role: level 2 tells both the head of support and the account manager.
        notified(
          [
            { data: { level: "1" }, to: ["head-of-support@desk.example"] },
            { data: { level: "2" }, to: ["head-of-support@desk.example"] },
            { data: { level: "2" }, to: ["account-manager@desk.example"] },
            { data: { level: "3" }, to: ["ceo@desk.example"] },
          ],
          { rule: "escalation-requested", during: "all" },
        ),
      );
  });

  it("answered in time, level 1 waits for 0.5× resolution; while the clock is paused no time is given", () => {
    opened("1")
      .then(at("2025-03-03T09:10Z").reply())
      .refuses(at("2025-03-03T09:40Z").requestEscalation(), { possibleAt: "2025-03-03T13:00Z" })
      .then(at("2025-03-03T10:00Z").askCustomer())
      .refuses(at("2025-03-03T11:00Z").requestEscalation(), {
        code: "ESCALATION_NOT_YET_POSSIBLE",
        level: 1,
        possibleAt: null,
      })
      .check((s) => expect(s.lastStep[0]?.error?.message).toContain("paused"));
  });
});

describe("P-C priority changes", () => {
  const asked = () =>
    opened("1")
      .then(at("2025-03-03T09:10Z").reply())
      .then(at("2025-03-03T10:00Z").askCustomer("Пришлите, пожалуйста, журнал."));

  it("a P1 whose customer does not answer for 3 hours drops to P2, by the timers", () => {
    asked()
      .expect(nextWakeUpAt("2025-03-03T13:00Z"))
      .then(timersUntil("2025-03-03T13:00Z"))
      .expect(
        timersFired([
          {
            at: "2025-03-03T13:00Z",
            type: "change-priority",
            priority: "2",
            cause: "customer-silence",
            reason: "the customer has not answered for 3h",
          },
        ]),
        ticketState({ priority: "2" }),
        notified(["requester:priority-changed"]),
        // Keep start: 1 h used of P2's 24 h, paused; if the customer answered now, due Tue 12:00.
        at("2025-03-03T13:00Z").sla({
          resolution: { state: "paused", target: "24h", elapsed: "1h", deadline: "2025-03-04T12:00Z" },
        }),
        nextWakeUpAt(null),
      );
  });

  it("after the downgrade the ladder counts on P2's thresholds, and the steps reached again are told again", () => {
    // The escalation table's multiples are of the priority's times: once P1 became P2, half of
    // P2's 24 h resolution is a new threshold; the head of support is told when it is reached,
    // as when half of P1's 8 h was (issue #13: steps are recorded once per cycle of the clock).
    const step = "record-escalation-level";
    opened("1")
      .then(at("2025-03-03T09:20Z").reply())
      .then(timersUntil("2025-03-03T13:00Z"))
      .expect(timersFired([{ at: "2025-03-03T13:00Z", type: step, step: 1, cycle: 0, roles: ["head-of-support"] }]))
      .then(at("2025-03-03T14:00Z").askCustomer("Пришлите, пожалуйста, журнал."))
      .then(timersUntil("2025-03-03T17:00Z"))
      .expect(ticketState({ priority: "2" }))
      .then(at("2025-03-03T18:00Z").comment("Журнал во вложении."))
      .then(timersUntil("2025-03-04T13:00Z"))
      .expect(
        timersFired(
          [
            { at: "2025-03-04T01:00Z", type: step, step: 1, cycle: 1, roles: ["head-of-support"] },
            { at: "2025-03-04T13:00Z", type: step, step: 2, cycle: 1, roles: ["head-of-support", "account-manager"] },
          ],
          [step],
        ),
        notified(
          [
            { to: ["head-of-support@desk.example"] },
            { to: ["head-of-support@desk.example"] },
            { to: ["account-manager@desk.example"] },
          ],
          { rule: "escalation-reached" },
        ),
      );
  });

  it("a reaction already breached is not breached again by the downgrade: one breach per clock and cycle", () => {
    // Nobody reacted within P1's 30 min; the downgrade to P2 (1 h, counted from the same start:
    // keep start) finds the reaction still late. It is the same run of the same clock, so the
    // breach recorded at 09:30 stands alone; the status reads P2's deadline, 10:00.
    opened("1")
      .then(at("2025-03-03T09:10Z").askCustomer())
      .then(timersUntil("2025-03-03T12:10Z"))
      .expect(
        timersFired(
          [
            { at: "2025-03-03T09:30Z", type: "record-sla-breach", metric: "response", cycle: 0 },
            { at: "2025-03-03T12:10Z", type: "change-priority", priority: "2" },
          ],
          ["record-sla-breach", "change-priority"],
        ),
        at("2025-03-03T12:10Z").sla({ response: { state: "breached", priority: "2", deadline: "2025-03-03T10:00Z" } }),
      );
  });

  it("an answer within 3 hours keeps P1", () => {
    asked()
      .then(at("2025-03-03T12:59Z").comment("Журнал во вложении."))
      .expect(at("2025-03-03T13:00Z").due([]), ticketState({ priority: "1" }));
  });

  it("P2 is not downgraded for silence", () => {
    opened("2")
      .then(at("2025-03-03T09:10Z").askCustomer())
      .expect(at("2025-03-04T09:00Z").due([], ["change-priority"]));
  });

  it("after a workaround the desk lowers a P1 to P3; the resolution target follows from the original start", () => {
    opened("1")
      .then(at("2025-03-03T11:00Z").changePriority("3", "workaround"))
      .expect(
        at("2025-03-03T11:00Z").sla({ resolution: { priority: "3", deadline: "2025-03-06T09:00Z" } }),
        appended([{ type: "prioritised", data: { from: "1", to: "3", cause: "workaround" } }]),
      );
  });
});

describe("P-C without P/N or S/N the registration time is not guaranteed", () => {
  const unregistered = policyFile(pCUnregisteredJson, "p-c-unregistered.json");
  const decoded = decodePolicySelection(pCSelectionJson);
  if (decoded._tag === "Left") throw new Error(decoded.left.message);
  const selection = decoded.right;
  const ticket = { category: "incident" as const, contractId: "SC-2025-0042" };
  const openedUnregistered = () => given(unregistered).opened({ at: MON, contractId: "SC-2025-0042", priority: "1" });

  it.each([
    ["product and serial number given", { product: "DL380-G10", serialNumber: "CZJ12345" }, "p-c"],
    ["no serial number", { product: "DL380-G10" }, "p-c-unregistered"],
    ["no product number", { serialNumber: "CZJ12345" }, "p-c-unregistered"],
    ["neither", {}, "p-c-unregistered"],
  ])("%s: the selection chooses %s", (_, fields, policy) => {
    expect(selectPolicyId(selection, { ...ticket, ...fields })).toBe(policy);
  });

  it("under the variant there is no reaction clock, and resolution runs as in P-C", () => {
    openedUnregistered().expect(
      at("2025-03-03T10:00Z").sla({ response: null, resolution: { deadline: "2025-03-03T17:00Z" } }),
    );
  });

  it("the ladder's first step is 0.5× resolution, not 1× reaction", () => {
    openedUnregistered().expect(
      at("2025-03-03T09:30Z").escalation({ level: 0, next: { level: 1, at: "2025-03-03T13:00Z" } }),
    );
  });
});
