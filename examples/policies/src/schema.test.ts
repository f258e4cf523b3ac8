/**
 * The policy files name the JSON Schema the core ships (`"$schema"`), so an editor checks them
 * as they are written; here every file validates against that schema, as the editor would.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const schemaFile = require.resolve("@ticketfold/core/policy.schema.json");
const schema = JSON.parse(readFileSync(schemaFile, "utf8"));
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
const files = ["p-a.json", "p-b.json", "p-c.json", "p-c-unregistered.json", "p-d.json", "p-e.json"];
const read = (file: string) => JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8"));

describe("the policy files and the shipped JSON Schema", () => {
  it.each(files)("%s names the schema an editor finds, and validates against it", (file) => {
    const json = read(file);
    expect(new URL(json.$schema, new URL(file, import.meta.url)).pathname).toMatch(
      /\/node_modules\/@ticketfold\/core\/policy\.schema\.json$/,
    );
    expect(readFileSync(new URL(json.$schema, new URL(file, import.meta.url)), "utf8")).toBe(
      readFileSync(schemaFile, "utf8"),
    );
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });

  it("a typo an editor should flag is flagged", () => {
    const json = read("p-e.json");
    const calendars = json.calendars as Record<string, Record<string, unknown>>;
    const [name, calendar] = Object.entries(calendars).find(([, c]) => c.kind !== "24x7") ?? [];
    expect(name).toBeDefined();
    calendars[name as string] = { ...calendar, holiday: calendar?.holidays };
    expect(validate(json)).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === "additionalProperties")).toBe(true);
  });
});
