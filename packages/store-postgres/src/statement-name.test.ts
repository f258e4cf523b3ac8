/** Statement names: one name per text, distinct texts distinct names, always a valid identifier. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { namedStatements, statementName } from "./index.js";

describe("statementName", () => {
  it("gives the same text the same name and different texts different names", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => {
        expect(statementName("p", a)).toBe(statementName("p", a));
        if (a !== b) expect(statementName("p", a)).not.toBe(statementName("p", b));
      }),
      { numRuns: 500 },
    );
  });

  it("is a plain PostgreSQL identifier of at most 63 bytes", () => {
    const name = statementName("ticketfold_read_stream", "SELECT 1");
    expect(name).toMatch(/^ticketfold_read_stream_[0-9a-f]{16}$/);
    expect(name.length).toBeLessThanOrEqual(63);
  });

  it("namedStatements remembers the options of each text", () => {
    const named = namedStatements("x");
    expect(named("SELECT 1")).toBe(named("SELECT 1"));
    expect(named("SELECT 1")).toEqual({ name: statementName("x", "SELECT 1") });
    expect(named("SELECT 2").name).not.toBe(named("SELECT 1").name);
  });
});
