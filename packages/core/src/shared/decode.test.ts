/** Decoding failures name the path of each bad value, what was expected and what was found. */
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { describe, expect, it } from "vitest";
import { decodeWith, isDecodeError } from "./decode.js";
import { TenantIdC, TicketIdC, tenantId, ticketId } from "./ids.js";

const Shape = t.type({ list: t.array(t.type({ n: t.number })), inner: t.union([t.string, t.type({ x: t.number })]) });
const decode = decodeWith(Shape, "shape");

describe("decodeWith", () => {
  it.each([
    [{ list: [{ n: 1 }, { n: "2" }], inner: "ok" }, "list[1].n"],
    [{ list: [], inner: { x: "no" } }, "inner.x"],
    [{ list: "no", inner: "ok" }, "list"],
    ["nothing like it", ""],
  ])("names the path %#: %s", (value, path) => {
    const result = decode(value);
    expect(E.isLeft(result) && result.left.issues.map((i) => i.path)).toContain(path);
    expect(E.isLeft(result) && isDecodeError(result.left)).toBe(true);
    expect(E.isLeft(result) && result.left.message).toMatch(/^invalid shape: /);
  });

  it("keeps a custom codec message", () => {
    const result = decodeWith(
      t.type({ d: new t.Type("D", t.string.is, (u, c) => t.failure(u, c, "not a D"), String) }),
      "x",
    )({ d: 1 });
    expect(E.isLeft(result) && result.left.issues[0]?.message).toBe("d: not a D");
  });
});

describe("ids", () => {
  it.each([
    ["01HZZZZZZZZZZZZZZZZZZZZZZZ", true],
    ["01hzzzzzzzzzzzzzzzzzzzzzzz", false],
    ["01HZZZZZZZZZZZZZZZZZZZZZZ", false],
    ["01HZZZZZZZZZZZZZZZZZZZZZZI", false],
  ])("ticket id %s valid: %s", (id, valid) => {
    expect(TicketIdC.is(id)).toBe(valid);
    if (!valid) expect(() => ticketId(id)).toThrow(/ULID/);
  });

  it.each([
    ["acme", true],
    ["a.b_c-1", true],
    ["", false],
    ["-acme", false],
    ["a".repeat(65), false],
    ["acme corp", false],
  ])("tenant id %j valid: %s", (id, valid) => {
    expect(TenantIdC.is(id)).toBe(valid);
    if (!valid) expect(() => tenantId(id)).toThrow(/tenant id/);
  });
});
