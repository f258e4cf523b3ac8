/**
 * Attachments are metadata only (name, size, content type, SHA-256); the content is not kept.
 * Limits per file, in total and in number; above one, a refusal naming the file and the limit.
 */
import { createHash } from "node:crypto";
import type { CommandOf } from "@ticketfold/core";
import { createInMemoryAttachmentStore } from "@ticketfold/store-memory";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { mail, multipartMail, options, replyMail } from "./fixtures.test-support.js";
import { attachmentMetadata, parseInboundMail } from "./index.js";

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** A multipart mail with `count` attachments of `size` bytes each (base64 encoded). */
const withFiles = (count: number, size: number, subject = "Files") =>
  mail(`From: alice@customer.example
Subject: ${subject}
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain

See the files.
${Array.from(
  { length: count },
  (_, i) => `--b
Content-Type: application/octet-stream
Content-Disposition: attachment; filename="file-${i + 1}.bin"
Content-Transfer-Encoding: base64

${Buffer.alloc(size, i + 1)
  .toString("base64")
  .replace(/.{76}/g, "$&\n")}
`,
).join("")}--b--
`);

describe("attachment metadata", () => {
  it("names, sizes, types and SHA-256 digests, no content", async () => {
    const result = await parseInboundMail(multipartMail, options());
    if (E.isLeft(result)) throw new Error(result.left.message);
    const data = (result.right.command as CommandOf<"open">).data;
    expect(data.description).toBe("The scanner stops with error E42. Log and photo attached.");
    expect(data.attachments).toEqual([
      { name: "scan.log", size: 15, contentType: "text/plain", sha256: sha256("E42: paper jam\n") },
      { name: "photo.png", size: PNG.length, contentType: "image/png", sha256: sha256(PNG) },
    ]);
    expect(JSON.stringify(result.right)).not.toContain("iVBORw0KGgo");
  });

  it("a reply with only files becomes a comment listing them", async () => {
    const raw = withFiles(2, 10, "Re: [#10034] logs").replace("See the files.\r\n", "");
    const result = await parseInboundMail(raw, options());
    expect(E.isRight(result) && result.right.command.data).toMatchObject({
      body: "Attachments: file-1.bin, file-2.bin",
      attachments: [
        { name: "file-1.bin", size: 10 },
        { name: "file-2.bin", size: 10 },
      ],
    });
  });

  it.each([
    ["a path in the name", "../../etc/passwd", "passwd"],
    ["a Windows path", "C:\\Users\\x\\report.pdf", "report.pdf"],
    ["control characters", "evil\u0007name\u202e.txt", "evil name .txt"],
    ["no name", undefined, "attachment-1"],
    ["only dots", "...", "attachment-1"],
  ])("cleans %s", (_, filename, name) => {
    const result = attachmentMetadata([{ filename, contentType: "text/plain", content: Buffer.from("x") }], {
      maxAttachmentBytes: 10,
      maxTotalAttachmentBytes: 10,
      maxAttachments: 1,
    });
    expect(E.isRight(result) && result.right[0]?.name).toBe(name);
  });

  it("an odd content type becomes application/octet-stream", () => {
    const result = attachmentMetadata([{ contentType: "text/html\r\nX-Evil: 1", content: Buffer.from("x") }], {
      maxAttachmentBytes: 10,
      maxTotalAttachmentBytes: 10,
      maxAttachments: 1,
    });
    expect(E.isRight(result) && result.right[0]?.contentType).toBe("application/octet-stream");
  });
});

describe("attachment limits", () => {
  const limits = { maxAttachmentBytes: 1000, maxTotalAttachmentBytes: 2500, maxAttachments: 3 };

  it("a file over the per-file limit: ATTACHMENT_TOO_LARGE naming the file and the limit", async () => {
    const result = await parseInboundMail(withFiles(1, 1001), options({ limits }));
    expect(result).toMatchObject(
      E.left({ code: "ATTACHMENT_TOO_LARGE", scope: "file", file: "file-1.bin", size: 1001, limit: 1000 }),
    );
    expect(E.isLeft(result) && result.left.reply?.text).toContain(
      '"file-1.bin" is 1001 bytes; each file may be at most 1000 bytes',
    );
  });

  it("files within the per-file limit but over the total: ATTACHMENT_TOO_LARGE for the one that crossed it", async () => {
    const result = await parseInboundMail(withFiles(3, 900), options({ limits }));
    expect(result).toMatchObject(
      E.left({ code: "ATTACHMENT_TOO_LARGE", scope: "total", file: "file-3.bin", size: 2700, limit: 2500 }),
    );
  });

  it("exactly at the limits is accepted", async () => {
    const result = await parseInboundMail(
      withFiles(2, 1000),
      options({ limits: { ...limits, maxTotalAttachmentBytes: 2000 } }),
    );
    expect(E.isRight(result)).toBe(true);
  });

  it("too many files: TOO_MANY_ATTACHMENTS", async () => {
    const result = await parseInboundMail(withFiles(4, 1), options({ limits }));
    expect(result).toMatchObject(E.left({ code: "TOO_MANY_ATTACHMENTS", count: 4, limit: 3 }));
  });

  it("the default limits show in MiB", async () => {
    const result = attachmentMetadata([{ filename: "big.iso", content: Buffer.alloc(11 * 1024 * 1024) }], {
      maxAttachmentBytes: 10 * 1024 * 1024,
      maxTotalAttachmentBytes: 20 * 1024 * 1024,
      maxAttachments: 20,
    });
    expect(result).toMatchObject(E.left({ code: "ATTACHMENT_TOO_LARGE", file: "big.iso", limit: 10 * 1024 * 1024 }));
  });

  it("attachments on a reply count too", async () => {
    const raw = replyMail("alice@customer.example", "Re: [#10034] x");
    expect(E.isRight(await parseInboundMail(raw, options({ limits })))).toBe(true);
    const big = withFiles(1, 1001, "Re: [#10034] log");
    expect(await parseInboundMail(big, options({ limits }))).toMatchObject(E.left({ code: "ATTACHMENT_TOO_LARGE" }));
  });
});

describe("the policy's attachment limits (P-C: 5 files, 10 MB, the same on web and mail)", () => {
  const pC = { maxFiles: 5, maxTotalBytes: 10 * 1024 * 1024 };

  it("replace intake's own count and total: a sixth file is refused, five are accepted", async () => {
    const six = await parseInboundMail(withFiles(6, 1), options({ attachmentPolicy: pC }));
    expect(six).toMatchObject(E.left({ code: "TOO_MANY_ATTACHMENTS", count: 6, limit: 5 }));
    expect(E.isRight(await parseInboundMail(withFiles(5, 1), options({ attachmentPolicy: pC })))).toBe(true);
  });

  it("the total is the policy's, even where intake's own limit allows more", async () => {
    const result = await parseInboundMail(
      withFiles(2, 6 * 1024 * 1024),
      options({ attachmentPolicy: pC, limits: { maxTotalAttachmentBytes: 50 * 1024 * 1024 } }),
    );
    expect(result).toMatchObject(E.left({ code: "ATTACHMENT_TOO_LARGE", scope: "total", limit: 10 * 1024 * 1024 }));
  });
});

describe("with an attachment store, intake keeps the bytes and the command carries references", () => {
  it("each file is stored once the mail is accepted; the references carry the store's ids", async () => {
    const store = createInMemoryAttachmentStore();
    const result = await parseInboundMail(multipartMail, options({ attachmentStore: store }));
    if (E.isLeft(result)) throw new Error(result.left.message);
    const refs = (result.right.command as CommandOf<"open">).data.attachments ?? [];
    expect(refs).toEqual([
      {
        id: `sha256:${sha256("E42: paper jam\n")}`,
        name: "scan.log",
        size: 15,
        contentType: "text/plain",
        sha256: sha256("E42: paper jam\n"),
      },
      {
        id: `sha256:${sha256(PNG)}`,
        name: "photo.png",
        size: PNG.length,
        contentType: "image/png",
        sha256: sha256(PNG),
      },
    ]);
    expect(Buffer.from((await store.get("acme", refs[1]?.id ?? "")) ?? [])).toEqual(PNG);
    expect(JSON.stringify(result.right)).not.toContain("iVBORw0KGgo");
  });

  it("a refused mail stores nothing", async () => {
    const store = createInMemoryAttachmentStore();
    const result = await parseInboundMail(withFiles(2, 10, "Re: [#99999] x"), options({ attachmentStore: store }));
    expect(E.isLeft(result)).toBe(true);
    const id = `sha256:${sha256(Buffer.alloc(10, 1))}`;
    expect(await store.get("acme", id)).toBeUndefined();
  });

  it("a store that fails is CALLBACK_FAILED naming it, with no reply to the sender", async () => {
    const failing = { ...createInMemoryAttachmentStore(), put: () => Promise.reject(new Error("disk full")) };
    const result = await parseInboundMail(multipartMail, options({ attachmentStore: failing }));
    expect(result).toMatchObject(E.left({ code: "CALLBACK_FAILED", callback: "attachmentStore.put" }));
    expect(E.isLeft(result) && result.left.reply).toBeUndefined();
  });
});
