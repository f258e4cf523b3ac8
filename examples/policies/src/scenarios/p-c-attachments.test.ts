/**
 * P-C "contract service desk" (seeds/002): attachments. The document: "Вы можете присоединить к
 * обращению до 5-ти файлов с общим (суммарным) размером до 10 мегабайт" (up to 5 files, 10 MB in
 * total); "Количество и суммарный размер вложений фиксированы и не зависят от способа обращения
 * (Web или Email)" (the same on web and mail); "Эти ограничения справедливы также при добавлении
 * комментариев к ранее открытым кейсам" (also when commenting). Policy field
 * `workflow.attachments: { maxFiles: 5, maxTotalBytes: 10485760 }`, enforced by the core on `open`
 * and `comment` whichever the channel; 10 MB read as 10 × 2^20 bytes.
 */
import type { Attachment } from "@ticketfold/core";
import { appended, at, given } from "@ticketfold/testing";
import { describe, expect, it } from "vitest";
import { pC } from "../index.js";

const MON = "2025-03-03T09:00Z";
const MB = 1024 * 1024;
const file = (n: number, size: number): Attachment => ({
  name: `log-${n}.zip`,
  size,
  contentType: "application/zip",
  sha256: n.toString(16).padStart(64, "0"),
  id: `sha256:${n.toString(16).padStart(64, "0")}`,
});
const files = (count: number, each: number) => Array.from({ length: count }, (_, i) => file(i + 1, each));

describe("P-C attachments: up to 5 files, 10 MB in total, on web and mail alike", () => {
  it("the policy states the document's numbers", () => {
    expect(pC.workflow?.attachments).toEqual({ maxFiles: 5, maxTotalBytes: 10 * MB });
  });

  it.each([
    ["web", 5, 2 * MB],
    ["email", 5, 2 * MB],
    ["web", 1, 10 * MB],
    ["email", 0, 0],
  ] as const)("a request by %s with %i files of %i bytes is registered", (channel, count, each) => {
    given(pC)
      .opened({ at: MON, contractId: "SC-2025-0042", channel, attachments: files(count, each) })
      .expect(appended([{ type: "opened", data: { attachments: files(count, each) } }]));
  });

  it.each([
    ["web", files(6, 1), { limit: "files", allowed: 5, actual: 6 }],
    ["email", files(6, 1), { limit: "files", allowed: 5, actual: 6 }],
    ["web", files(5, 2 * MB + 1), { limit: "total-bytes", allowed: 10 * MB, actual: 10 * MB + 5 }],
    ["email", [file(1, 10 * MB + 1)], { limit: "total-bytes", allowed: 10 * MB, actual: 10 * MB + 1 }],
  ] as const)(
    "a request by %s over the limit is refused with ATTACHMENT_LIMIT_EXCEEDED: the same refusal on web and mail",
    (channel, attachments, refusal) => {
      given(pC).refuses(at(MON).open({ contractId: "SC-2025-0042", channel, attachments }), {
        code: "ATTACHMENT_LIMIT_EXCEEDED",
        ...refusal,
      });
    },
  );

  it("the limits hold also when adding a comment to an open case", () => {
    given(pC)
      .opened({ at: MON, contractId: "SC-2025-0042", attachments: files(5, 2 * MB) })
      // Per message: another 5 files of 2 MB on a comment are within the limits.
      .then(at("2025-03-03T10:00Z").comment("Ещё логи", files(5, 2 * MB)))
      .refuses(at("2025-03-03T11:00Z").comment("И ещё", files(6, 1)), {
        code: "ATTACHMENT_LIMIT_EXCEEDED",
        limit: "files",
        allowed: 5,
        actual: 6,
      })
      .refuses(at("2025-03-03T11:00Z").comment("Большой дамп", [file(9, 11 * MB)]), {
        code: "ATTACHMENT_LIMIT_EXCEEDED",
        limit: "total-bytes",
        allowed: 10 * MB,
      });
  });
});
