/**
 * Attachment references kept their old shape as a subset: a `commented` event written before
 * attachments had an `id` (metadata only, with or without the checksum) decodes unchanged, and
 * one written with the storage port's reference keeps its `id`. No upcaster is needed.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decodeEvent } from "./codec.js";

const commented = (attachments: unknown[]) => ({
  type: "commented",
  schemaVersion: 2,
  ticketId: "01HZZZZZZZZZZZZZZZZZZZZZZZ",
  tenantId: "acme",
  at: "2025-03-03T09:00:00.000Z",
  actor: { kind: "requester", id: "cust-1" },
  data: { author: "customer", body: "Logs attached", visibility: "public", attachments },
});
const digest = "ab".repeat(32);

describe("stored attachment shapes decode", () => {
  it.each([
    ["metadata only (before checksums)", { name: "a.log", size: 10, contentType: "text/plain" }],
    [
      "metadata and checksum (mail intake before the port)",
      { name: "a.log", size: 10, contentType: "text/plain", sha256: digest },
    ],
    [
      "a reference from an attachment store",
      { id: `sha256:${digest}`, name: "a.log", size: 10, contentType: "text/plain", sha256: digest },
    ],
  ])("%s", (_shape, attachment) => {
    const decoded = decodeEvent(commented([attachment]));
    expect(E.isRight(decoded) && decoded.right.type === "commented" && decoded.right.data.attachments).toEqual([
      attachment,
    ]);
  });

  it("an attachment without a size is refused, naming the path", () => {
    const decoded = decodeEvent(commented([{ name: "a.log", contentType: "text/plain" }]));
    expect(E.isLeft(decoded) && decoded.left.message).toContain("attachments");
  });
});
