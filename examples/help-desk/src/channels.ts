/**
 * The desk's ways out, adapted to the core's DeliveryChannel: mail through the notify-email
 * channel (SMTP), and a signed JSON POST through the notify-webhook channel. The outbox does the
 * retrying, so the webhook channel makes one attempt per dispatch; a receiver's final refusal
 * (a 4xx other than 408/425/429) or a 5xx SMTP answer makes the entry a dead letter.
 */
import type { DeliveryChannel } from "@ticketfold/core";
import { createEmailChannel } from "@ticketfold/notify-email";
import { createWebhookChannel } from "@ticketfold/notify-webhook";

export const mailChannel = (options: {
  readonly host: string;
  readonly port: number;
  readonly from: string;
}): DeliveryChannel & { close(): void } => {
  const channel = createEmailChannel({
    from: options.from,
    smtp: { host: options.host, port: options.port, secure: false, ignoreTLS: true, connectionTimeout: 5_000 },
  });
  return {
    name: "email",
    async deliver(intent) {
      const sent = await channel.send(intent);
      // "skipped": nobody with a mail address; there is nothing to retry.
      if (sent.status !== "failed") return { ok: true };
      const retryable = sent.error.code === "EMAIL_SEND_FAILED" && sent.error.retryable;
      return { ok: false, retryable, error: sent.error.message };
    },
    close: () => channel.close(),
  };
};

export const webhookChannel = (options: { readonly url: string; readonly secret: string }): DeliveryChannel => {
  const channel = createWebhookChannel({ url: options.url, secret: options.secret, maxAttempts: 1, timeoutMs: 5_000 });
  return {
    name: "webhook",
    async deliver(intent) {
      const delivery = await channel.deliver(intent);
      if (delivery.status === "delivered") return { ok: true };
      return { ok: false, retryable: delivery.reason === "exhausted", error: delivery.message };
    },
  };
};
