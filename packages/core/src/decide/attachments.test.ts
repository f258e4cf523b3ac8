/**
 * Attachment limits (policy `workflow.attachments`), checked by the core on `open` and on
 * `comment`, whoever writes and whichever the channel: the refusal names the limit, what the
 * policy allows and what the message had.
 */
import { agent, commandOf, contractPolicy, openTicket, requester, text } from "@ticketfold/testing";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { AttachmentLimits } from "../policy/attachment-limits.js";
import type { PolicyCore } from "../policy/lifecycle.js";
import { fold } from "../ticket/evolve.js";
import type { Attachment, Channel } from "../ticket/fields.js";
import { initialState } from "../ticket/state.js";
import { attachmentRefusal } from "./attachments.js";
import { decide } from "./decide.js";

const MB = 1024 * 1024;
const limits: AttachmentLimits = {
  maxFiles: 3,
  maxTotalBytes: 2 * MB,
  maxFileBytes: MB,
  allowedTypes: ["image/*", "application/pdf"],
};
const policy: PolicyCore = { ...contractPolicy, workflow: { ...contractPolicy.workflow, attachments: limits } };
const file = (name: string, size: number, contentType = "application/pdf"): Attachment => ({ name, size, contentType });

describe("attachment limits on open", () => {
  it.each<[string, Attachment[], Record<string, unknown> | undefined]>([
    ["three files of 600 KB are within every limit", [0, 1, 2].map((i) => file(`f${i}.pdf`, 600 * 1024)), undefined],
    [
      "four files are one too many",
      [0, 1, 2, 3].map((i) => file(`f${i}.pdf`, 1)),
      { limit: "files", allowed: 3, actual: 4 },
    ],
    [
      "a file over 1 MB",
      [file("big.pdf", MB + 1)],
      { limit: "file-bytes", allowed: MB, actual: MB + 1, file: "big.pdf" },
    ],
    ["exactly 1 MB is allowed", [file("edge.pdf", MB)], undefined],
    [
      "two files of 1 MB and one byte more cross the total",
      [file("a.pdf", MB), file("b.pdf", MB), file("c.png", 1, "image/png")],
      { limit: "total-bytes", allowed: 2 * MB, actual: 2 * MB + 1, file: "c.png" },
    ],
    [
      "a type outside the list",
      [file("x.exe", 10, "application/x-msdownload")],
      { limit: "type", actual: "application/x-msdownload", file: "x.exe" },
    ],
    ["a type in a range, with parameters", [file("p.jpg", 10, "Image/JPEG; name=p.jpg")], undefined],
  ])("%s", (_case, attachments, refusal) => {
    const decision = decide(openTicket({ attachments }), initialState, policy);
    if (refusal === undefined) expect(E.isRight(decision)).toBe(true);
    else expect(decision).toEqual(E.left(expect.objectContaining({ code: "ATTACHMENT_LIMIT_EXCEEDED", ...refusal })));
  });

  it("a policy without limits accepts any files", () => {
    const many = Array.from({ length: 20 }, (_, i) => file(`f${i}.bin`, 50 * MB, "application/octet-stream"));
    expect(E.isRight(decide(openTicket({ attachments: many }), initialState, contractPolicy))).toBe(true);
  });

  it("a size that is not a whole number of bytes is an INVALID_VALUE naming the file", () => {
    const decision = decide(openTicket({ attachments: [file("a.pdf", -1)] }), initialState, policy);
    expect(decision).toEqual(E.left(expect.objectContaining({ code: "INVALID_VALUE", field: "attachments[0].size" })));
  });
});

describe("attachment limits on comment", () => {
  const state = (() => {
    const d = decide(openTicket(), initialState, policy);
    if (E.isLeft(d)) throw new Error(d.left.message);
    return fold(d.right);
  })();
  it.each([
    ["a customer", requester],
    ["an agent", agent],
  ])("%s commenting with four files is refused as on open", (_who, actor) => {
    const c = commandOf(
      "comment",
      { body: text("see files"), attachments: [0, 1, 2, 3].map((i) => file(`f${i}.pdf`, 1)) },
      { actor },
    );
    expect(decide(c, state, policy)).toEqual(
      E.left(expect.objectContaining({ code: "ATTACHMENT_LIMIT_EXCEEDED", limit: "files" })),
    );
    const three = commandOf("comment", { body: text("see files"), attachments: [file("a.pdf", 1)] }, { actor });
    expect(E.isRight(decide(three, state, policy))).toBe(true);
  });
});

describe("laws", () => {
  const attachment = fc.record({
    name: fc.string({ minLength: 1, maxLength: 8 }),
    size: fc.nat(3 * MB),
    contentType: fc.constantFrom("application/pdf", "image/png", "text/plain", "application/zip"),
  });
  it("refused exactly when a count, size or type is over the limit; same answer on every channel", () => {
    fc.assert(
      fc.property(
        fc.array(attachment, { maxLength: 6 }),
        fc.constantFrom<Channel>("web", "email", "phone", "chat"),
        (files, channel) => {
          const total = files.reduce((s, f) => s + f.size, 0);
          const over =
            files.length > 3 ||
            total > 2 * MB ||
            files.some(
              (f) => f.size > MB || !(f.contentType.startsWith("image/") || f.contentType === "application/pdf"),
            );
          const refused = attachmentRefusal(limits, files, "p");
          expect(refused !== undefined).toBe(over);
          const decision = decide(openTicket({ attachments: files, channel }), initialState, policy);
          expect(E.isLeft(decision)).toBe(over);
        },
      ),
    );
  });
});
