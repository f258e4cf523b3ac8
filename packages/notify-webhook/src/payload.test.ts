import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { parseWebhookPayload } from "./payload.js";

describe("parseWebhookPayload decodes received bodies with io-ts and never throws", () => {
  it.each([
    ["not JSON", "{oops", ""],
    [
      "wrong type tag",
      JSON.stringify({ id: "x", type: "other", createdAt: "2025-03-03T10:00:00Z", intent: {} }),
      "type",
    ],
    [
      "bad instant",
      JSON.stringify({ id: "x", type: "ticketfold.notification", createdAt: "yesterday", intent: {} }),
      "createdAt",
    ],
    [
      "intent without rule",
      JSON.stringify({ id: "x", type: "ticketfold.notification", createdAt: "2025-03-03T10:00:00Z", intent: {} }),
      "intent.rule",
    ],
  ])("%s → error at %j", (_name, body, path) => {
    const r = parseWebhookPayload(body);
    expect(E.isLeft(r) && r.left.code).toBe("DECODE_ERROR");
    expect(E.isLeft(r) && r.left.issues.map((i) => i.path)).toContain(path);
  });
});
