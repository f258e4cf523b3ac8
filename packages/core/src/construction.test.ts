/**
 * One construction style across the packages: values are made by `createX` functions. Every
 * class the core exports, errors aside (they are thrown, and made with `new`), has its
 * `create…` factory; the class stays exported as a type.
 */
import { expect, it } from "vitest";
import * as core from "./index.js";

const isClass = (v: unknown): v is abstract new (...args: never[]) => unknown =>
  typeof v === "function" && /^class\b/.test(Function.prototype.toString.call(v));

/** The exported classes that are not errors, and which of them lack a `create…` factory. */
const missingFactories = (exports: Record<string, unknown>): { classes: string[]; missing: string[] } => {
  const classes = Object.entries(exports)
    .filter(([, v]) => isClass(v) && !((v as { prototype: unknown }).prototype instanceof Error))
    .map(([name]) => name);
  return { classes, missing: classes.filter((name) => typeof exports[`create${name}`] !== "function") };
};

it("every class the core exports, errors aside, has a create… factory", () => {
  const { classes, missing } = missingFactories(core);
  expect(classes).toEqual(expect.arrayContaining(["WorkQueueProjection", "StatisticsProjection"]));
  expect(missing).toEqual([]);
  const projection = core.createWorkQueueProjection(() => undefined);
  expect(projection).toBeInstanceOf(core.WorkQueueProjection);
});
