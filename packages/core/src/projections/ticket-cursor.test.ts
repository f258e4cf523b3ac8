/**
 * Cursors: the base64url text round-trips any text and refuses any other encoding; a cursor is
 * refused (INVALID_CURSOR) when it is garbage, altered, or replayed against another order,
 * filter or tenant, and every input of a list query is refused naming its path.
 */
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { TicketListFilter, TicketPageRequest } from "../store/ticket-queries.js";
import { fromBase64Url, toBase64Url } from "./cursor-text.js";
import { decodeCursor, encodeCursor, queryFingerprint } from "./ticket-cursor.js";
import { ticketListQuery } from "./ticket-list-query.js";

const NOW = Date.UTC(2025, 2, 3, 12);

describe("cursor text", () => {
  it("round-trips any text and uses only the URL-safe alphabet", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const code = toBase64Url(text);
        expect(code).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(code)).toBe(text);
      }),
    );
  });
  it("refuses what is not the canonical encoding of UTF-8", () => {
    for (const bad of ["a", "ab=", "a+b/", "_w", "gA", "/w"]) expect(fromBase64Url(bad), bad).toBeUndefined();
    fc.assert(
      fc.property(fc.string(), (code) => {
        const text = fromBase64Url(code);
        if (text !== undefined) expect(toBase64Url(text)).toBe(code);
      }),
    );
  });
});

describe("cursors", () => {
  const fp = queryFingerprint("acme", "opened-desc", { organisation: "Acme" });
  const cursor = encodeCursor("opened-desc", fp, [NOW, "T-1"]);

  it("decode to the key they were made with", () => {
    expect(decodeCursor(cursor, "opened-desc", fp)).toEqual(E.right([NOW, "T-1"]));
    const q = queryFingerprint("acme", "queue", {});
    expect(decodeCursor(encodeCursor("queue", q, [1, null, 2, NOW, "T-1"]), "queue", q)).toEqual(
      E.right([1, null, 2, NOW, "T-1"]),
    );
  });

  it("are bound to the filter, not to how its lists are written", () => {
    const a = queryFingerprint("acme", "queue", { status: ["open", "new"], priority: ["b", "a"] });
    expect(queryFingerprint("acme", "queue", { status: ["new", "open", "new"], priority: ["a", "b"] })).toBe(a);
    expect(queryFingerprint("acme", "queue", { assignee: null })).not.toBe(queryFingerprint("acme", "queue", {}));
  });

  const refusals: [string, string, TicketListFilter, string, RegExp][] = [
    ["garbage", "!!!", { organisation: "Acme" }, "acme", /not one this read model issued/],
    ["base64 of something else", toBase64Url('{"v":2}'), { organisation: "Acme" }, "acme", /order/],
    ["another filter", cursor, { organisation: "Globex" }, "acme", /another tenant or filter/],
    ["another tenant", cursor, { organisation: "Acme" }, "globex", /another tenant or filter/],
    ["an empty one", "", { organisation: "Acme" }, "acme", /non-empty/],
    [
      "one issued before tiers were a scale (version 1)",
      toBase64Url('{"v":1,"o":"queue","f":"x","k":[true,null,2,0,"T-1"]}'),
      {},
      "acme",
      /not one this read model issued/,
    ],
    [
      "a key out of range",
      encodeCursor("opened-desc", fp, [1e300, "T-1"]),
      { organisation: "Acme" },
      "acme",
      /no valid position/,
    ],
    [
      "a key of another order's shape",
      encodeCursor("opened-desc", fp, [1, null, 2, NOW, "T-1"]),
      { organisation: "Acme" },
      "acme",
      /no valid position/,
    ],
    ["a very long one", "A".repeat(5000), {}, "acme", /at most/],
  ];
  it.each(refusals)("refuse %s with INVALID_CURSOR", (_name, c, filter, tenant, reason) => {
    const q = ticketListQuery(tenant, filter, { now: NOW, cursor: c });
    expect(E.isLeft(q) && q.left).toMatchObject({
      code: "INVALID_CURSOR",
      cursor: c,
      reason: expect.stringMatching(reason),
    });
  });

  it("refuse one from another order", () => {
    const q = ticketListQuery("acme", { organisation: "Acme" }, { now: NOW, order: "queue", cursor });
    expect(E.isLeft(q) && q.left).toMatchObject({ code: "INVALID_CURSOR", reason: expect.stringMatching(/order/) });
  });
});

describe("list query input", () => {
  const cases: [string, string, unknown, unknown, string][] = [
    ["an empty tenant", "", {}, { now: NOW }, "tenant"],
    ["an unknown filter", "acme", { colour: "red" }, { now: NOW }, "filter.colour"],
    ["an unknown status", "acme", { status: ["open", "pending"] }, { now: NOW }, "filter.status[1]"],
    ["U+0000 in an organisation", "acme", { organisation: "A\u0000" }, { now: NOW }, "filter.organisation"],
    ["a lone surrogate in a requester", "acme", { requester: "\uD800" }, { now: NOW }, "filter.requester"],
    ["a number as assignee", "acme", { assignee: 7 }, { now: NOW }, "filter.assignee"],
    ["a string as breached", "acme", { breached: "yes" }, { now: NOW }, "filter.breached"],
    ["a fractional dueBefore", "acme", { dueBefore: 1.5 }, { now: NOW }, "filter.dueBefore"],
    ["no now", "acme", {}, {}, "page.now"],
    ["NaN as now", "acme", {}, { now: Number.NaN }, "page.now"],
    ["an unknown order", "acme", {}, { now: NOW, order: "random" }, "page.order"],
    ["a page of 0", "acme", {}, { now: NOW, limit: 0 }, "page.limit"],
    ["a page of 501", "acme", {}, { now: NOW, limit: 501 }, "page.limit"],
    ["a page of 2.5", "acme", {}, { now: NOW, limit: 2.5 }, "page.limit"],
    ["a number as cursor", "acme", {}, { now: NOW, cursor: 3 }, "page.cursor"],
  ];
  it.each(cases)("refuses %s with INVALID_STORE_INPUT naming it", (_name, tenant, filter, page, path) => {
    const q = ticketListQuery(tenant, filter as TicketListFilter, page as TicketPageRequest);
    expect(E.isLeft(q) && q.left).toMatchObject({ code: "INVALID_STORE_INPUT", path });
  });

  it("defaults to the newest tickets first, 50 a page", () => {
    const q = ticketListQuery("acme", {}, { now: NOW });
    expect(E.isRight(q) && q.right).toMatchObject({ order: "opened-desc", limit: 50, after: null });
  });
});
