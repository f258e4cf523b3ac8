/**
 * One construction style: every class this package exports has its `create…` factory, which
 * makes a working, empty value (the classes stay exported as types; `new` is deprecated).
 */
import { T0 } from "@ticketfold/testing";
import { expect, it } from "vitest";
import * as memory from "./index.js";

const isClass = (v: unknown): boolean =>
  typeof v === "function" && /^class\b/.test(Function.prototype.toString.call(v));

it("every exported class has a create… factory", () => {
  const classes = Object.entries(memory)
    .filter(([, v]) => isClass(v))
    .map(([name]) => name);
  expect(classes.sort()).toEqual(["InMemoryEventStore", "InMemoryOutbox", "InMemoryOutboxStore", "InMemoryTimers"]);
  expect(classes.filter((name) => typeof (memory as Record<string, unknown>)[`create${name}`] !== "function")).toEqual(
    [],
  );
});

it("the factories make empty, working values", async () => {
  const claim = { now: T0, owner: "w", leaseMs: 1000, limit: 10 };
  expect(await memory.createInMemoryTimers().claimDue(claim)).toEqual([]);
  expect(await memory.createInMemoryOutbox().claim(claim)).toEqual([]);
  expect((await memory.createInMemoryOutboxStore().readAll()).events).toEqual([]);
  expect(await memory.createInMemoryEventStore().streamExists("acme", "s")).toBe(false);
});
