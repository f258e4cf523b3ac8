/**
 * The webhook channel: POSTs each intent as signed JSON, at least once. Every attempt carries
 * the same body and the intent id as `Idempotency-Key`, so a receiver that saw an attempt whose
 * answer got lost can drop the repeat. Failures (5xx, 408, 429, timeouts, network errors) are
 * retried with exponential backoff and full jitter; other 4xx answers are final. After
 * `maxAttempts` the delivery is a dead letter, handed to `onDeadLetter` for the app to keep.
 */
import type { NotificationIntent } from "@ticketfold/core";
import { backoffDelay } from "./backoff.js";
import { buildPayload, encodePayload } from "./payload.js";
import { postOnce } from "./post.js";
import { SIGNATURE_HEADER, signatureHeader } from "./signature.js";

export interface WebhookChannelOptions {
  readonly url: string;
  readonly secret: string;
  /** Attempts in all, the first one included; default 5. */
  readonly maxAttempts?: number;
  /** Per-attempt timeout in ms; default 10 s. */
  readonly timeoutMs?: number;
  /** Ceiling of the first retry's delay; default 1 s. */
  readonly baseDelayMs?: number;
  /** No retry waits longer; default 5 min. */
  readonly maxDelayMs?: number;
  /** Injectable for tests: random in [0, 1), sleep, clock. */
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly onDeadLetter?: (letter: DeadLetter) => void | Promise<void>;
}

/** Why one attempt failed. */
export type AttemptFailure =
  | { readonly kind: "status"; readonly status: number }
  | { readonly kind: "timeout"; readonly afterMs: number }
  | { readonly kind: "network"; readonly message: string };

export interface DeadLetter {
  readonly code: "WEBHOOK_DEAD_LETTER";
  readonly intent: NotificationIntent;
  readonly attempts: number;
  /** `exhausted`: every attempt failed; `rejected`: the receiver answered with a final 4xx. */
  readonly reason: "exhausted" | "rejected";
  readonly failures: readonly AttemptFailure[];
  readonly message: string;
}

export type WebhookDelivery =
  | { readonly status: "delivered"; readonly intentId: string; readonly attempts: number; readonly httpStatus: number }
  | ({ readonly status: "dead-letter"; readonly intentId: string } & DeadLetter);

export interface WebhookChannel {
  deliver(intent: NotificationIntent): Promise<WebhookDelivery>;
}

/** 408 Request Timeout, 425 Too Early and 429 Too Many Requests may pass later; other 4xx will not. */
const isRetryable = (f: AttemptFailure): boolean =>
  f.kind !== "status" || f.status >= 500 || f.status === 408 || f.status === 425 || f.status === 429;

const describe = (f: AttemptFailure): string =>
  f.kind === "status" ? `HTTP ${f.status}` : f.kind === "timeout" ? `no answer within ${f.afterMs} ms` : f.message;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const createWebhookChannel = (options: WebhookChannelOptions): WebhookChannel => {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const backoff = { baseDelayMs: options.baseDelayMs ?? 1_000, maxDelayMs: options.maxDelayMs ?? 300_000 };
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;

  return {
    async deliver(intent) {
      // Built once: every attempt sends the same bytes under the same idempotency key.
      const body = encodePayload(buildPayload(intent, now()));
      const failures: AttemptFailure[] = [];
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        if (attempt > 1) await sleep(backoffDelay(attempt - 1, backoff, random));
        const headers = {
          "content-type": "application/json",
          "user-agent": "ticketfold-webhook/0.1",
          "idempotency-key": intent.id,
          "ticketfold-attempt": String(attempt),
          [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(options.secret, body, now()),
        };
        const outcome = await postOnce(options.url, headers, body, timeoutMs);
        if (outcome.kind === "status" && outcome.status >= 200 && outcome.status < 300) {
          return { status: "delivered", intentId: intent.id, attempts: attempt, httpStatus: outcome.status };
        }
        failures.push(outcome);
        if (!isRetryable(outcome)) break;
      }
      const last = failures[failures.length - 1];
      const reason = last !== undefined && !isRetryable(last) ? "rejected" : "exhausted";
      const letter: DeadLetter = {
        code: "WEBHOOK_DEAD_LETTER",
        intent,
        attempts: failures.length,
        reason,
        failures,
        message: `webhook delivery of ${intent.id} to ${options.url} gave up after ${failures.length} attempt(s): ${failures.map(describe).join("; ")}`,
      };
      await options.onDeadLetter?.(letter);
      return { status: "dead-letter", intentId: intent.id, ...letter };
    },
  };
};
