import { notificationRules } from "@ticketfold/core";
import { describe, expect, it } from "vitest";
import { renderTemplate } from "./render.js";
import { defaultTemplates, templateFor } from "./templates/index.js";

const locales = ["en", "de", "ru"] as const;
const full: Record<string, string> = {
  ticketId: "01HZX3K9Q7W2E5R8T1Y4V6J0PA",
  number: "10034",
  tag: "[#10034]",
  subject: "S",
  link: "https://l",
  priorityName: "P",
  requesterName: "R",
  body: "B",
  question: "Q",
  resolution: "RES",
  closesAt: "C",
  fromName: "F",
  toName: "T",
  reason: "W",
  phone: "+1",
  level: "2",
  roles: "ceo",
  metric: "M",
  warning: "75%",
  deadline: "D",
};

describe("built-in templates", () => {
  it.each(locales.flatMap((l) => notificationRules.map((r) => [l, r] as const)))(
    "%s has %s, and it renders without leftover placeholders",
    (locale, rule) => {
      const t = defaultTemplates[locale][rule];
      expect(t).toBeDefined();
      for (const part of [t!.subject, t!.text]) {
        const out = renderTemplate(part, full);
        expect(out).not.toMatch(/\{[?/]?[A-Za-z]+\}/);
        expect(out.trim()).not.toBe("");
      }
    },
  );

  it("German and Russian texts are translations, not copies of the English ones", () => {
    for (const rule of notificationRules) {
      expect(defaultTemplates.de[rule]).not.toEqual(defaultTemplates.en[rule]);
      expect(defaultTemplates.ru[rule]).not.toEqual(defaultTemplates.en[rule]);
    }
  });
});

describe("renderTemplate", () => {
  it.each([
    ["placeholder", "Hi {name}", { name: "Kim" }, "Hi Kim"],
    ["missing value renders empty", "Hi {name}!", {}, "Hi !"],
    ["section shown when the value is present", "A{?x} x={x}{/x}.", { x: "1" }, "A x=1."],
    ["section hidden when absent", "A{?x} x={x}{/x}.", {}, "A."],
    ["section hidden when empty", "A{?x} x={x}{/x}.", { x: "" }, "A."],
    ["values are not re-scanned", "{a}", { a: "{b}", b: "no" }, "{b}"],
  ])("%s", (_name, template, values, expected) => {
    expect(renderTemplate(template, values)).toBe(expected);
  });
});

describe("template overrides", () => {
  it("replace only the parts they name", () => {
    const t = templateFor("de", "ticket-closed", { de: { "ticket-closed": { subject: "Zu: {subject}" } } });
    expect(t).toEqual({ ...defaultTemplates.de["ticket-closed"], subject: "Zu: {subject}" });
  });
  it("may add keys of the app's own rules", () => {
    expect(templateFor("ru", "app-custom", { ru: { "app-custom": { subject: "s", text: "t" } } })).toEqual({
      subject: "s",
      text: "t",
    });
    expect(templateFor("ru", "app-custom", { ru: { "app-custom": { subject: "s" } } })).toBeUndefined();
  });
});
