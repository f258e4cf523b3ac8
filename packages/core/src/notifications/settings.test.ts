import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { NotificationPolicyC } from "../policy/notifications.js";
import { decodePolicy, type Policy } from "../policy/policy.js";
import { notificationSettings } from "./settings.js";

const core: Policy = {
  id: "p",
  name: "P",
  priorities: { levels: [{ id: "1", name: "Critical" }], default: "1" },
} as Policy;

describe("notification policy codec", () => {
  it("decodes a full notification section inside a policy", () => {
    const decoded = decodePolicy({
      ...core,
      notifications: {
        locale: "ru",
        ticketLink: "https://desk.example/t/{ticketId}",
        ticketTag: "[Ticket#{number}]",
        contacts: { escalation: { ceo: [{ address: "ceo@x.example", name: "CEO" }] }, managers: { "*": [] } },
        quietHours: { calendar: "office" },
        phoneIn: { priorities: ["1"], phone: "+7 495 000" },
        disabledRules: ["feedback-request"],
      },
    });
    expect(E.isRight(decoded)).toBe(true);
  });

  it.each([
    ["unknown locale", { locale: "fr" }, "notifications.locale"],
    ["unknown rule", { disabledRules: ["spam"] }, "notifications.disabledRules[0]"],
    [
      "contact without address",
      { contacts: { agents: { a: { name: "A" } } } },
      "notifications.contacts.agents.a.address",
    ],
    ["quiet hours without calendar", { quietHours: {} }, "notifications.quietHours.calendar"],
  ])("rejects %s, naming the path", (_name, notifications, path) => {
    const decoded = decodePolicy({ ...core, notifications });
    expect(E.isLeft(decoded) && decoded.left.issues.map((i) => i.path)).toContain(path);
  });

  it("defaults: English, [#{number}], phone-in priorities from the workflow, urgent = phone-in", () => {
    const s = notificationSettings({ ...core, workflow: { phoneInPriorities: ["1", "2"] } });
    expect(s).toMatchObject({ locale: "en", ticketTag: "[#{number}]", phoneInPriorities: ["1", "2"] });
    expect(s.urgentPriorities).toEqual(["1", "2"]);
    expect(NotificationPolicyC.is({})).toBe(true);
  });
});
