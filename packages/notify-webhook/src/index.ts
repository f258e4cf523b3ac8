/**
 * @ticketfold/notify-webhook — notification intents as signed JSON POSTs: HMAC-SHA256
 * signatures, an idempotency key per intent, retries with exponential backoff and full
 * jitter, a per-attempt timeout and dead letters; plus the receiver's helpers.
 */
export * from "./backoff.js";
export * from "./channel.js";
export * from "./payload.js";
export * from "./post.js";
export * from "./signature.js";
