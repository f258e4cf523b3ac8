/**
 * The public entry's `@category` tags decide where an export is listed, over the declaration's
 * own comment: TypeDoc alone would ignore them wherever the declaration has a doc comment.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Application } from "typedoc";
import { afterAll, describe, expect, it } from "vitest";

const files: Record<string, string> = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", types: [] },
    include: ["src"],
  }),
  "src/decide.ts": [
    "/**\n * Decides a command.\n * @category Wrong\n */",
    "export const decide = (n: number): number => n;",
    "/** Folds events. */",
    "export const fold = (n: number): number => n;",
    "/**\n * Evolves a state.\n * @category Own\n */",
    "export const evolve = (n: number): number => n;",
  ].join("\n"),
  "src/calendar.ts": [
    "/** Is the calendar open? */",
    "export const isOpen = (t: number): boolean => t > 0;",
    "/** Adds business time. */",
    "export const addBusinessTime = (t: number): number => t;",
  ].join("\n"),
  "src/index.ts": [
    "/** Decide one command.\n * @category Deciding\n */",
    'export { decide } from "./decide.js";',
    'export { /** @category Folding */ fold, evolve } from "./decide.js";',
    "/** @category Calendars */",
    'export * from "./calendar.js";',
    "/** @category Business time */",
    'export { addBusinessTime } from "./calendar.js";',
  ].join("\n"),
};

describe("typedoc-export-categories", () => {
  const dir = mkdtempSync(join(tmpdir(), "ticketfold-typedoc-categories-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }

  it("lists each export under its entry's tag, else its declaration's", async () => {
    const app = await Application.bootstrapWithPlugins({
      entryPoints: [join(dir, "src/index.ts")],
      tsconfig: join(dir, "tsconfig.json"),
      plugin: [fileURLToPath(new URL("./typedoc-export-categories.mjs", import.meta.url))],
      name: "fixture",
      logLevel: "Error",
    });
    const project = await app.convert();
    const listed = Object.fromEntries(
      (project?.categories ?? []).map((c) => [c.title, c.children.map((r) => r.name).sort()]),
    );
    expect(listed).toEqual({
      "Business time": ["addBusinessTime"],
      Calendars: ["isOpen"],
      Deciding: ["decide"],
      Folding: ["fold"],
      Own: ["evolve"],
    });
  }, 60_000);
});
