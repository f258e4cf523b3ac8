/**
 * The JSON a webhook receives: an envelope around one notification intent (the intent in its
 * wire form: instants as ISO-8601). `parseWebhookPayload` decodes a received body with io-ts;
 * it never throws, whatever the body is, and neither does `WebhookPayloadC.decode`.
 */
import {
  type DecodeError,
  decodeWith,
  guarded,
  InstantC,
  type NotificationIntent,
  NotificationIntentC,
} from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";

export const WebhookPayloadC = t.type({
  /** The intent id: also the `Idempotency-Key` header. */
  id: t.string,
  type: t.literal("ticketfold.notification"),
  /** When the payload was first built (the same on every retry). */
  createdAt: InstantC,
  intent: NotificationIntentC,
});
// Its `decode` never throws: a getter or Proxy that throws is a failure.
guarded(WebhookPayloadC);
export type WebhookPayload = t.TypeOf<typeof WebhookPayloadC>;

export const buildPayload = (intent: NotificationIntent, createdAt: number): WebhookPayload => ({
  id: intent.id,
  type: "ticketfold.notification",
  createdAt,
  intent,
});

/** The exact body sent: the payload encoded to JSON. */
export const encodePayload = (payload: WebhookPayload): string => JSON.stringify(WebhookPayloadC.encode(payload));

const decodePayload = decodeWith(WebhookPayloadC, "webhook payload");

/** Decodes a received body; a body that is not JSON is a decode error at path "". */
export const parseWebhookPayload = (body: string): E.Either<DecodeError, WebhookPayload> => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const reason = String((e as { message?: unknown }).message ?? e);
    return E.left({
      code: "DECODE_ERROR",
      what: "webhook payload",
      issues: [{ path: "", expected: "JSON", message: `body is not JSON: ${reason}` }],
      message: `invalid webhook payload: body is not JSON (${reason})`,
    });
  }
  return decodePayload(json);
};
