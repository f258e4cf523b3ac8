/**
 * The PostgreSQL outbox and timer table on embedded PGlite (always run): the shared outbox and
 * timer contracts, then delivery to real peers on loopback — an SMTP catcher and an HTTP
 * receiver. A dispatcher killed between sending and settling makes both peers see the same
 * idempotency key twice (Message-ID, Idempotency-Key), never a different one.
 */
import { PGlite } from "@electric-sql/pglite";
import { dispatchOutbox, handleNotifying } from "@ticketfold/core";
import { verifySignature } from "@ticketfold/notify-webhook";
import {
  countingIds,
  describeOutboxContract,
  describeTimerContract,
  deskPolicies,
  LEASE,
  openCommand,
  openFixtureTicket,
  REQUESTER,
  T0,
} from "@ticketfold/testing/delivery-contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresHarness } from "./outbox-harness.test-support.js";
import {
  type HookReceiver,
  type MailCatcher,
  mailDelivery,
  startHookReceiver,
  startMailCatcher,
  webhookDelivery,
} from "./outbox-peers.test-support.js";
import { pgliteBackend, type TestBackend } from "./target.test-support.js";

let db: PGlite;
let backend: TestBackend | undefined;
let catcher: MailCatcher;
let hooks: HookReceiver;
beforeAll(async () => {
  db = await PGlite.create();
  backend = await pgliteBackend("outbox", db);
  catcher = await startMailCatcher();
  hooks = await startHookReceiver();
});
afterAll(async () => {
  await catcher?.close();
  await hooks?.close();
  await backend?.close();
  await db?.close();
});

describeOutboxContract("PostgreSQL store on pglite", () => postgresHarness(backend));
describeTimerContract("PostgreSQL store on pglite", () => postgresHarness(backend));

describe("PostgreSQL outbox delivering to real peers (pglite)", () => {
  const SECRET = "whsec-test";

  it("sends the confirmation by SMTP and a signed webhook, keyed by the intent id", async () => {
    const h = await postgresHarness(backend);
    const [intent] = await openFixtureTicket(h);
    const mail = mailDelivery(catcher.port);
    const before = [catcher.mails.length, hooks.received.length];
    const report = await dispatchOutbox(h.outbox, [mail, webhookDelivery(hooks.url, SECRET)], { now: T0, owner: "d1" });
    mail.close();
    expect(report.delivered).toEqual([intent?.id]);
    const sent = catcher.mails.slice(before[0]);
    expect(sent.map((m) => [m.to, m.messageId])).toEqual([
      [[REQUESTER], `<${intent?.id.replaceAll("/", ".")}@desk.example>`],
    ]);
    const hook = hooks.received.slice(before[1])[0];
    expect(hook?.headers["idempotency-key"]).toBe(intent?.id);
    const signature = verifySignature(
      SECRET,
      hook?.headers["ticketfold-signature"] as string,
      hook?.body ?? "",
      Date.now(),
    );
    expect(signature.ok).toBe(true);
    expect((await h.attempts()).map((a) => `${a.channel}:${a.outcome}`)).toEqual([
      "email:delivered",
      "webhook:delivered",
    ]);
  });

  it("a dispatcher killed after sending: after the lease both peers see the same key again", async () => {
    const h = await postgresHarness(backend);
    const [intent] = await openFixtureTicket(h);
    const mail = mailDelivery(catcher.port);
    const channels = [mail, webhookDelivery(hooks.url, SECRET)];
    const before = [catcher.mails.length, hooks.received.length];
    const held = await h.outbox.claim({ now: T0, owner: "killed", leaseMs: LEASE, limit: 10 });
    for (const c of held) for (const ch of channels) await ch.deliver(c.intent);
    // The killed dispatcher never settles; another one takes the row once the lease is over.
    expect((await dispatchOutbox(h.outbox, channels, { now: T0 + LEASE - 1, owner: "d2" })).claimed).toBe(0);
    const report = await dispatchOutbox(h.outbox, channels, { now: T0 + LEASE, owner: "d2", leaseMs: LEASE });
    mail.close();
    expect(report.delivered).toEqual([intent?.id]);
    const ids = catcher.mails.slice(before[0]).map((m) => m.messageId);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(1);
    const keys = hooks.received.slice(before[1]).map((r) => r.headers["idempotency-key"]);
    expect(keys).toEqual([intent?.id, intent?.id]);
  });

  it("a receiver's 503 is retried later and logged; a 410 makes a dead letter", async () => {
    const h = await postgresHarness(backend);
    await handleNotifying(h.store, deskPolicies, openCommand(), { newEventId: countingIds() });
    const hook = webhookDelivery(hooks.url, SECRET);
    hooks.respond = () => 503;
    const first = await dispatchOutbox(h.outbox, [hook], { now: T0, owner: "d1" });
    expect(first.retried).toHaveLength(1);
    expect((await h.entries())[0]).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: T0 + 30_000 });
    hooks.respond = () => 410;
    const second = await dispatchOutbox(h.outbox, [hook], { now: T0 + 30_000, owner: "d1" });
    hooks.respond = () => 204;
    expect(second.dead).toHaveLength(1);
    const log = await h.attempts();
    expect(log.map((a) => [a.attempt, a.outcome, a.at])).toEqual([
      [1, "failed", T0],
      [2, "failed", T0 + 30_000],
    ]);
    expect(log[1]?.error).toContain("HTTP 410");
    expect((await h.entries())[0]).toMatchObject({ status: "dead", attempts: 2 });
  });
});
