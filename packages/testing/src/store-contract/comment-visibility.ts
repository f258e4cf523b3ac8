/**
 * Contract: a store hands back a comment's row as written, so the core's fail-closed
 * visibility holds through it. Rows of internal notes, malformed as storage rot, a bad
 * migration or a hostile writer might leave them (`internal: "true"`, `1`, `null`, missing; a
 * current internal note claiming schema version 1; a stray `internal` beside
 * `visibility: "public"`), read back internal or as a CorruptEvent, never public; the rows that
 * are provably public read back public.
 */
import { fromRecorded, type NewEvent } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { expect, it } from "vitest";
import { TENANT, TICKET } from "../fixtures/commands.js";
import { type MakeStore, withStore } from "./helpers.js";

const row = (schemaVersion: number, data: Record<string, unknown>): NewEvent => ({
  type: "commented",
  schemaVersion,
  data: { author: "agent", body: "Checked the logs", ...data },
  metadata: { at: "2025-03-03T09:00:00.000Z", actor: { kind: "agent", id: "agent-1" } },
});

/** Each row and what it must read back as. */
const rows: readonly (readonly [NewEvent, "internal" | "public" | "internal or refused"])[] = [
  [row(1, { internal: true }), "internal"],
  [row(1, { internal: "true" }), "internal"],
  [row(1, { internal: 1 }), "internal"],
  [row(1, { internal: null }), "internal"],
  [row(1, {}), "internal"],
  [row(1, { internal: false, visibility: "internal" }), "internal"],
  [row(1, { visibility: "internal", attachments: [] }), "internal"],
  [row(1, { visibility: "public", attachments: [] }), "internal"],
  [row(2, { visibility: "public", internal: true, attachments: [] }), "internal"],
  [row(2, { visibility: "public", internal: "yes", attachments: [] }), "internal"],
  [row(2, { visibility: "internal", internal: false, attachments: [] }), "internal"],
  [row(2, { attachments: [] }), "internal or refused"],
  [row(3, { visibility: "internal", attachments: [] }), "internal or refused"],
  [row(0, { internal: true }), "internal or refused"],
  [row(1, { internal: false }), "public"],
  [row(2, { visibility: "public", attachments: [] }), "public"],
];

export const commentVisibilityContract = (makeStore: MakeStore): void => {
  it("an internal note's row, however malformed, reads back internal or corrupt, never public", () =>
    withStore(makeStore, async (store) => {
      await store.appendToStream(
        TENANT,
        TICKET,
        rows.map(([r]) => r),
        { expectedVersion: "no_stream" },
      );
      const read = (await store.readStream(TENANT, TICKET)).events;
      expect(read).toHaveLength(rows.length);
      const seen = read.map((r) => {
        const decoded = fromRecorded(r);
        if (E.isLeft(decoded)) return "refused";
        return decoded.right.type === "commented" ? decoded.right.data.visibility : decoded.right.type;
      });
      rows.forEach(([, expected], i) => {
        const got = seen[i];
        if (expected === "internal or refused") expect([`${i}: internal`, `${i}: refused`]).toContain(`${i}: ${got}`);
        else expect(`${i}: ${got}`).toBe(`${i}: ${expected}`);
      });
    }));
};
