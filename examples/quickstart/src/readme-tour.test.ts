/**
 * The README's tour is run, not only type-checked (docs/docs.test.ts does that): its comments
 * state what it prints, and this test holds them to it.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const tour = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";

describe("README tour", () => {
  afterEach(() => vi.restoreAllMocks());

  it("prints what its comments say", async () => {
    expect(tour).toContain("slaStatus");
    // Written beside this package (.tmp/ is git-ignored) so its imports resolve like an app's.
    const dir = join(import.meta.dirname, "..", ".tmp");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "readme-tour.ts");
    writeFileSync(file, tour);
    const printed: unknown[][] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      printed.push(args);
    });
    await import(/* @vite-ignore */ file);
    expect(printed).toEqual([
      ["running", 15 * 60_000],
      ["2025-03-03T09:00:00.000Z"],
      [["record-sla-breach", "record-sla-breach"]],
    ]);
  });
});
