/**
 * Upcasting: a `commented` event stored under schema version 1 (`internal: boolean`, no
 * attachments) decodes as the current version 2 (visibility, attachments listed). Only
 * `internal: false` is public: a missing mark is not proof (comment-visibility.test.ts).
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decodeEvent } from "./codec.js";
import { upcast } from "./upcasters.js";

const v1 = (data: Record<string, unknown>) => ({
  type: "commented",
  schemaVersion: 1,
  ticketId: "01HZZZZZZZZZZZZZZZZZZZZZZZ",
  tenantId: "acme",
  at: "2025-03-03T09:00:00.000Z",
  actor: { kind: "agent", id: "agent-1" },
  data,
});

describe("commented v1 → v2", () => {
  it.each([
    [true, "internal"],
    [false, "public"],
    [undefined, "internal"],
  ] as const)("internal: %s decodes as visibility %s", (internal, visibility) => {
    const stored = v1({ author: "agent", body: "Checked the logs", ...(internal === undefined ? {} : { internal }) });
    const decoded = decodeEvent(stored);
    expect(decoded).toEqual(
      E.right(
        expect.objectContaining({
          type: "commented",
          schemaVersion: 2,
          at: Date.UTC(2025, 2, 3, 9),
          data: { author: "agent", body: "Checked the logs", visibility, attachments: [] },
        }),
      ),
    );
  });

  it("leaves current events and non-objects alone", () => {
    const current = { ...v1({}), schemaVersion: 2 };
    expect(upcast(current)).toBe(current);
    expect(upcast(null)).toBe(null);
    expect(upcast("x")).toBe("x");
  });
});
