/**
 * The AttachmentStore contract (core `store/attachments.ts`): every adapter keeps bytes by
 * their SHA-256, which it computes itself, per tenant, and hands back a reference a command
 * can carry. Run it with `describeAttachmentStoreContract(name, make)`; `make` returns an empty
 * store and may return a `cleanup`.
 */
import { createHash } from "node:crypto";
import { type AttachmentStore, digestOfAttachmentId } from "@ticketfold/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

export type MakeAttachmentStore = () => Promise<{
  readonly store: AttachmentStore;
  readonly cleanup?: () => Promise<void>;
}>;

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const sha256 = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");

export const describeAttachmentStoreContract = (name: string, make: MakeAttachmentStore): void => {
  const withStore = async (body: (store: AttachmentStore) => Promise<void>): Promise<void> => {
    const { store, cleanup } = await make();
    try {
      await body(store);
    } finally {
      await cleanup?.();
    }
  };

  describe(`AttachmentStore contract: ${name}`, () => {
    it("returns a reference with the size and the SHA-256 it computed, and gives the bytes back", () =>
      withStore(async (store) => {
        const content = bytes("the router log of Monday");
        const ref = await store.put("t1", { name: "router.log", contentType: "text/plain", content });
        expect(ref).toEqual({
          id: `sha256:${sha256(content)}`,
          name: "router.log",
          size: content.byteLength,
          contentType: "text/plain",
          sha256: sha256(content),
        });
        expect(digestOfAttachmentId(ref.id)).toBe(ref.sha256);
        expect(await store.get("t1", ref.id)).toEqual(content);
      }));

    it("keeps the same bytes once: a second put gives the same id", () =>
      withStore(async (store) => {
        const content = bytes("same");
        const a = await store.put("t1", { name: "a.txt", contentType: "text/plain", content });
        const b = await store.put("t1", { name: "b.txt", contentType: "text/plain", content });
        expect(b.id).toBe(a.id);
        expect(b.name).toBe("b.txt");
        expect(await store.get("t1", a.id)).toEqual(content);
      }));

    it("one tenant never reads another's bytes; unknown ids are undefined", () =>
      withStore(async (store) => {
        const ref = await store.put("t1", { name: "x", contentType: "application/octet-stream", content: bytes("x") });
        expect(await store.get("t2", ref.id)).toBeUndefined();
        expect(await store.get("t1", `sha256:${"0".repeat(64)}`)).toBeUndefined();
        expect(await store.get("t1", "not-an-id")).toBeUndefined();
      }));

    it("a caller changing its buffer afterwards changes nothing stored", () =>
      withStore(async (store) => {
        const content = bytes("abc");
        const ref = await store.put("t1", { name: "abc", contentType: "text/plain", content });
        content[0] = 0x7a;
        const back = await store.get("t1", ref.id);
        expect(back).toEqual(bytes("abc"));
        if (back) back[0] = 0x7a;
        expect(await store.get("t1", ref.id)).toEqual(bytes("abc"));
      }));

    it("any bytes round-trip (empty, binary, every byte value)", () =>
      withStore(async (store) => {
        await fc.assert(
          fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (content) => {
            const ref = await store.put("t1", { name: "f", contentType: "application/octet-stream", content });
            expect(ref.size).toBe(content.byteLength);
            expect(ref.sha256).toBe(sha256(content));
            expect(await store.get("t1", ref.id)).toEqual(content);
          }),
          { numRuns: 25 },
        );
      }));
  });
};
