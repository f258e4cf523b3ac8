/**
 * One name, one thing: no export of this package shares its name with a different export of
 * `@ticketfold/core`, so an app importing from both never meets two `queryWorkQueue`s with
 * different signatures. The read side's work-queue query is `readWorkQueue` (beside
 * `readStatistics`); `queryWorkQueue` stays its deprecated alias for one minor version. And one
 * construction style: every class, errors aside, has its `create…` factory.
 */
import * as core from "@ticketfold/core";
import { expect, it } from "vitest";
import * as pg from "./index.js";

/** Deprecated aliases kept for one minor version, each with the name it now has. */
const deprecatedAliases: Readonly<Record<string, string>> = { queryWorkQueue: "readWorkQueue" };

it("shares no export name with @ticketfold/core, but for deprecated aliases", () => {
  const shared = Object.keys(pg).filter((name) => Object.hasOwn(core, name));
  expect(shared.filter((name) => !Object.hasOwn(deprecatedAliases, name))).toEqual([]);
});

it("readWorkQueue is the read side's query; the old name is an alias of it", () => {
  expect(typeof pg.readWorkQueue).toBe("function");
  for (const [alias, name] of Object.entries(deprecatedAliases)) {
    expect((pg as Record<string, unknown>)[alias]).toBe((pg as Record<string, unknown>)[name]);
  }
});

it("every exported class, errors aside, has a create… factory", () => {
  const isClass = (v: unknown): boolean =>
    typeof v === "function" && /^class\b/.test(Function.prototype.toString.call(v));
  const classes = Object.entries(pg)
    .filter(([, v]) => isClass(v) && !((v as { prototype: unknown }).prototype instanceof Error))
    .map(([name]) => name);
  expect(classes.sort()).toEqual(["PostgresEventStore", "PostgresOutbox", "PostgresOutboxStore", "PostgresTimers"]);
  expect(classes.filter((name) => typeof (pg as Record<string, unknown>)[`create${name}`] !== "function")).toEqual([]);
});
