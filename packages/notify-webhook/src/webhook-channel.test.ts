import type { NotificationIntent } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, describe, expect, it } from "vitest";
import {
  backoffCeiling,
  createWebhookChannel,
  type DeadLetter,
  parseWebhookPayload,
  verifySignature,
  type WebhookChannelOptions,
} from "./index.js";
import { type Step, startReceiver } from "./server.test-support.js";

const SECRET = "whsec_test";
const intent: NotificationIntent = {
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
  data: { metric: "response", deadline: "2025-03-03T11:00:00.000Z", subject: "Printer ☃ on fire" },
};

let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const setup = async (script: Step[], extra: Partial<WebhookChannelOptions> = {}) => {
  receiver = await startReceiver(script);
  const sleeps: number[] = [];
  const deadLetters: DeadLetter[] = [];
  const channel = createWebhookChannel({
    url: receiver.url,
    secret: SECRET,
    maxAttempts: 4,
    timeoutMs: 300,
    baseDelayMs: 100,
    maxDelayMs: 250,
    random: () => 0.999,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onDeadLetter: (d) => {
      deadLetters.push(d);
    },
    ...extra,
  });
  return { channel, sleeps, deadLetters, received: receiver.received };
};

describe("webhook delivery against a real HTTP server", () => {
  it("fails (500), times out, then succeeds: three attempts, same body and idempotency key, valid signatures", async () => {
    const { channel, sleeps, received, deadLetters } = await setup([500, "hang", 200]);
    const result = await channel.deliver(intent);
    expect(result).toEqual({ status: "delivered", intentId: intent.id, attempts: 3, httpStatus: 200 });
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers["idempotency-key"]))).toEqual(new Set([intent.id]));
    expect(received.map((r) => r.headers["ticketfold-attempt"])).toEqual(["1", "2", "3"]);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    for (const r of received) {
      expect(r.headers["content-type"]).toBe("application/json");
      const header = r.headers["ticketfold-signature"] as string;
      expect(verifySignature(SECRET, header, r.body, Date.now(), 60)).toMatchObject({ ok: true });
      expect(verifySignature("other-secret", header, r.body, Date.now(), 60)).toMatchObject({
        code: "SIGNATURE_MISMATCH",
      });
    }
    // Full jitter with random ≈ 1: each delay just under its ceiling (100, then 200 ms).
    expect(sleeps).toEqual([99, 199]);
    expect(deadLetters).toEqual([]);
    const decoded = parseWebhookPayload(received[0]!.body);
    expect(E.isRight(decoded) && decoded.right.intent).toEqual(intent);
  });

  it("the timed-out attempt was abandoned after the per-attempt timeout", async () => {
    const { channel, received } = await setup(["hang", 200], { timeoutMs: 200 });
    const started = Date.now();
    const result = await channel.deliver(intent);
    expect(result.status).toBe("delivered");
    // The client, not the server, ended the hanging request: no earlier than its timeout after
    // the delivery began (the attempt's clock starts after `started`), and before it retried.
    const abandonedAt = received[0]!.abandonedAt;
    expect(abandonedAt).toBeDefined();
    expect(abandonedAt! - started).toBeGreaterThanOrEqual(195);
    expect(abandonedAt!).toBeLessThanOrEqual(received[1]!.at);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("dead-letters after N failed attempts, with every failure and backoff within its bounds", async () => {
    const randoms = [0.1, 0.5, 0.9];
    const { channel, sleeps, received, deadLetters } = await setup([500], { random: () => randoms.shift() ?? 0 });
    const result = await channel.deliver(intent);
    expect(received).toHaveLength(4);
    expect(result).toMatchObject({
      status: "dead-letter",
      code: "WEBHOOK_DEAD_LETTER",
      attempts: 4,
      reason: "exhausted",
    });
    expect(result.status === "dead-letter" && result.failures).toEqual(Array(4).fill({ kind: "status", status: 500 }));
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]?.message).toMatch(/gave up after 4 attempt\(s\): HTTP 500/);
    const o = { baseDelayMs: 100, maxDelayMs: 250 };
    expect(sleeps).toEqual([10, 100, 225]);
    sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(backoffCeiling(i + 1, o));
    });
  });

  it("a final 4xx is not retried", async () => {
    const { channel, received, sleeps } = await setup([400]);
    const result = await channel.deliver(intent);
    expect(result).toMatchObject({ status: "dead-letter", attempts: 1, reason: "rejected" });
    expect(received).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("429 is retried", async () => {
    const { channel, received } = await setup([429, 200]);
    expect(await channel.deliver(intent)).toMatchObject({ status: "delivered", attempts: 2 });
    expect(received).toHaveLength(2);
  });

  it("a refused connection is a network failure, retried, then dead-lettered", async () => {
    const probe = await startReceiver([200]);
    const url = probe.url;
    await probe.close();
    const { channel } = await setup([200], { url, maxAttempts: 2 });
    const result = await channel.deliver(intent);
    expect(result).toMatchObject({ status: "dead-letter", attempts: 2, reason: "exhausted" });
    expect(result.status === "dead-letter" && result.failures[0]?.kind).toBe("network");
  });
});
