/**
 * The README's tour is run, not only type-checked (docs/docs.test.ts does that): its comments
 * state what it prints, and this test holds them to it. The first block is the desk: with the
 * system clock it reads moved by the test, its running timer worker records the breach and the
 * dispatcher tells the lead. The second is the pure core.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Desk, HOUR, loadTicket } from "@ticketfold/core";
import { afterEach, describe, expect, it, vi } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const tourSection = readme.slice(readme.indexOf("## A short tour"));
const [deskBlock = "", tour = ""] = [...tourSection.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

/** Writes a block beside this package (.tmp/ is git-ignored) so its imports resolve like an app's. */
const moduleOf = (name: string, code: string): string => {
  const dir = join(import.meta.dirname, "..", ".tmp");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, code);
  return file;
};

describe("README tour", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("the desk's running workers breach the ticket and tell the lead, as its comment says", async () => {
    expect(deskBlock).toContain("createInMemoryDesk");
    const printed: unknown[][] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      printed.push(args);
    });
    const T0 = Date.parse("2025-03-03T09:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const { desk } = (await import(/* @vite-ignore */ moduleOf("readme-desk.ts", deskBlock))) as { desk: Desk };
    try {
      await vi.waitFor(() => expect(printed).toEqual([["ticket-opened", ["kim@example.com"]]]), { timeout: 10_000 });
      vi.setSystemTime(T0 + HOUR);
      await vi.waitFor(() => expect(printed.at(-1)).toEqual(["sla-breach", ["lead@example.com"]]), {
        timeout: 10_000,
      });
      const { events } = await loadTicket(desk.store, "acme", "01JNDG9Q000000000000000002");
      expect(events.map((e) => e.type)).toEqual(["opened", "sla-breached"]);
      // Recorded when the worker saw it, with the deadline it broke.
      expect(events[1]).toMatchObject({ data: { metric: "response", deadline: T0 + HOUR } });
    } finally {
      await desk.stop();
    }
  }, 60_000);

  it("prints what its comments say", async () => {
    expect(tour).toContain("slaStatus");
    const printed: unknown[][] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      printed.push(args);
    });
    await import(/* @vite-ignore */ moduleOf("readme-tour.ts", tour));
    expect(printed).toEqual([
      ["running", 15 * 60_000],
      ["2025-03-03T09:00:00.000Z"],
      [["record-sla-breach", "record-sla-breach"]],
    ]);
  });
});
