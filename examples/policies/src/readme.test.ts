/**
 * The README's tables say which test checks each rule of a document ("`p-a.test.ts` › `title`").
 * This keeps them honest: every test named there exists, as written, in that scenario file, and
 * every scenario file is named.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const here = import.meta.dirname;
const readme = readFileSync(join(here, "..", "README.md"), "utf8");
const scenarioFiles = readdirSync(join(here, "scenarios")).filter((f) => f.endsWith(".test.ts"));

/** Every `file` › `title` reference in the README. */
const references = [...readme.matchAll(/`([a-z-]+\.test\.ts)` › `([^`]+)`/g)].map((m) => [m[1] ?? "", m[2] ?? ""]);

describe("examples/policies README", () => {
  it("names tests of every scenario file", () => {
    expect(references.length).toBeGreaterThan(40);
    expect(new Set(references.map(([file]) => file))).toEqual(new Set(scenarioFiles));
  });

  it.each(references)("%s has a test titled %j", (file, title) => {
    const source = readFileSync(join(here, "scenarios", file), "utf8");
    expect(source).toContain(`"${title}"`);
  });
});
