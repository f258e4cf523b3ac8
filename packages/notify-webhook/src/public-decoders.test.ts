/**
 * Law: every public decoder of @ticketfold/notify-webhook, found by its export
 * (`publicDecoders`: `parseWebhookPayload`, `WebhookPayloadC`), answers anything it is given —
 * BigInt, symbols, cycles, throwing getters and Proxies, a valid payload with a hostile part —
 * with a refusal and never throws.
 */
import { assertDecoderNeverThrows, publicDecoders } from "@ticketfold/testing/laws";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as webhook from "./index.js";

const decoders = publicDecoders(webhook);
const payload = webhook.buildPayload(
  {
    id: "evt-42/sla-breach/assignee",
    eventId: "evt-42",
    ticketId: "01HZX3K9Q7W2E5R8T1Y4V6J0PA",
    tenantId: "acme",
    rule: "sla-breach",
    templateKey: "sla-breach",
    locale: "en",
    recipients: [{ role: "assignee", id: "agent-7", address: "ann@desk.example" }],
    audience: "staff",
    urgent: true,
    at: Date.parse("2025-03-03T10:00:00Z"),
    data: { metric: "response", deadline: "2025-03-03T11:00:00.000Z" },
  },
  Date.parse("2025-03-03T10:00:01Z"),
);
const valid = fc.constant(null).map(() => JSON.parse(webhook.encodePayload(payload)) as unknown);

describe("every public decoder of @ticketfold/notify-webhook", () => {
  it("is found by its export", () => {
    expect(decoders.map((d) => d.name)).toEqual(
      expect.arrayContaining(["parseWebhookPayload", "WebhookPayloadC.decode"]),
    );
  });

  it.each(decoders.map((d) => [d.name, d] as const))("%s never throws, whatever it is given", async (_name, d) => {
    await assertDecoderNeverThrows(d, {
      numRuns: 150,
      valid: fc.oneof(
        valid,
        valid.map((p) => JSON.stringify(p)),
      ),
    });
  });
});
