/**
 * The board end to end in real headless Chromium (Debian's `chromium`, driven by playwright-core):
 * a customer opens a request in the portal; an agent opens it on the board and watches its
 * response countdown; the test clock moves past the warning (amber) and the deadline (red, and
 * the breach in the timeline, pushed over SSE without a reload); the agent escalates and writes
 * an internal note; the customer replies in the portal, which never shows the internal note, and
 * the reply reaches the board live. A reply the agent wrote while the customer wrote is refused
 * (`If-Match`, 412) and kept, and goes once the agent has read what arrived. Loopback only; the service and browser stop by themselves.
 * With TICKETFOLD_PG_URL set, the desk runs on that PostgreSQL server in a schema of its own.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchChromium } from "./browser.js";
import { parseStart } from "./clock.js";
import { type Service, startService } from "./service.js";

const chromium = chromiumPath();
const pgUrl = process.env.TICKETFOLD_PG_URL;
const schema = `help_desk_e2e_${process.pid}_${Date.now().toString(36)}`;
const NOTE = "Vendor contract expires next month: do not promise an on-site visit";
const REPLY = "Restarted the render node as you asked: the jobs are still stuck.";

if (chromium === undefined)
  console.warn(
    "board.test.ts: SKIPPED — no Chromium at /usr/bin/chromium (or CHROMIUM_PATH). Install it: apt-get install -y chromium",
  );

describe.skipIf(chromium === undefined)("the agent board in headless Chromium", () => {
  let service: Service;
  let browser: Browser;
  let page: Page;
  const step = (testid: string) => page.locator(`[data-testid="${testid}"]`);
  const text = (l: Locator) => l.textContent().then((t) => t ?? "");
  const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 200 });
  const tone = (metric: string) => step(`sla-${metric}`).first().getAttribute("data-tone");

  beforeAll(async () => {
    [service, browser] = await Promise.all([
      startService({
        // Friday 15:00 UTC: every office of the five organisations is open.
        testClockAt: parseStart("2026-03-06T15:00:00Z"),
        ...(pgUrl ? { databaseUrl: pgUrl, schema } : {}),
        port: 0,
      }),
      launchChromium(chromium as string),
    ]);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    if (pgUrl) {
      const { default: pg } = await import("pg");
      const client = new pg.Client(pgUrl);
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  }, 60_000);

  it("shows the seeded week's queue: VIP first, breached tickets red", { timeout: 60_000 }, async () => {
    await page.goto(service.url);
    await step("queue-row").first().waitFor();
    const rows = await step("queue-row").count();
    expect(rows).toBeGreaterThan(10);
    await expect(page.locator(".queue tr.row").first().locator(".badge.vip").count()).resolves.toBe(1);
    expect(await page.locator('.chip[data-tone="breach"]').count()).toBeGreaterThan(0);
  });

  it("a request's countdown runs, turns amber, then red at the deadline; escalation and notes are recorded", async () => {
    // The customer writes in through the portal.
    await page.goto(`${service.url}#/portal/mia.chen`);
    await step("new-subject").fill("Render node 7 cannot reach the licence server");
    await step("new-description").fill("Since the network change the node reports 'licence server unreachable'.");
    await step("new-submit").click();
    await step("portal-ticket").waitFor();
    const ticketId = decodeURIComponent(new URL(page.url()).hash.split("/")[3] ?? "");
    expect(ticketId).toMatch(/^[0-9A-Z]{26}$/);

    // The agent opens it: P-E, response within 1 business hour (09–18), due 16:00.
    await page.goto(`${service.url}#/ticket/${ticketId}`);
    await step("ticket-subject").waitFor();
    await poll(() => text(step("sla-response").first())).toContain("1h 00m");
    expect(await tone("response")).toBe("ok");

    // Watch it count down as the clock moves (pushed over SSE: no reload).
    await step("advance-15m").click();
    await poll(() => text(step("sla-response").first())).toContain("45m 00s");
    await step("advance-15m").click();
    await step("advance-15m").click();
    await poll(() => tone("response")).toBe("warn");
    await poll(() => page.locator('[data-type="sla-warning-issued"]').count()).toBeGreaterThan(0);

    // Past the deadline: red, and the breach in the timeline.
    await step("advance-1h").click();
    await poll(() => tone("response")).toBe("breach");
    await poll(() => text(step("sla-response").first())).toContain("breached");
    await poll(() => page.locator('[data-type="sla-breached"]').count()).toBe(1);
    // Why it was due then: explainSla's answer for the response clock, business hours in UTC.
    await step("sla-explain").locator("summary").click();
    expect(await text(page.locator('.xmetric[data-metric="response"]'))).toContain("p-e-business-hours");
    expect(await page.locator('.xmetric[data-metric="response"] .xp.counted').count()).toBeGreaterThan(0);

    // Escalate, then an internal note.
    await step("escalate").click();
    await poll(() => page.locator('[data-type="escalation-requested"]').count()).toBe(1);
    await step("action-text").fill(NOTE);
    await step("internal-note").click();
    await poll(() => text(page.locator(".tl.internal").first())).toContain(NOTE);

    // The customer sees the ticket without the note, and replies.
    await page.goto(`${service.url}#/portal/mia.chen/${ticketId}`);
    await step("portal-history").waitFor();
    await step("portal-reply-text").fill(REPLY);
    await step("portal-reply").click();
    await poll(() => text(step("portal-history"))).toContain(REPLY);
    expect(await page.content()).not.toContain(NOTE);
    expect(await page.content()).not.toContain("Internal note");

    // A colleague in the same organisation sees it in the organisation's list (P-D), still without the note.
    await page.goto(`${service.url}#/portal/oliver.grant`);
    await poll(() => text(step("portal-organisation"))).toContain("Render node 7");
    await page.goto(`${service.url}#/portal/oliver.grant/${ticketId}`);
    await step("portal-history").waitFor();
    expect(await page.content()).not.toContain(NOTE);

    // The board shows the reply: open the ticket in a second tab, then reply once more from the
    // portal's API: the board's tab gets it live, over SSE.
    const board = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await board.goto(`${service.url}#/ticket/${ticketId}`);
    await board.locator(".tl.customer").first().waitFor();
    expect(await text(board.locator(".tl.customer").first())).toContain(REPLY);
    const again = await fetch(`${service.url}api/portal/mia.chen/tickets/${ticketId}/reply`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ body: "Any news?" }),
    });
    expect(again.status).toBe(200);
    await poll(() => text(board.locator(".tl.customer").first())).toContain("Any news?");
    await board.close();
  }, 240_000);

  it("a reply written while the customer wrote is refused (If-Match, 412), kept, and sent once read", async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${service.url}api/portal/mia.chen/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const opened = await post("tickets", { subject: "Plotter queue stalls", description: "Jobs wait forever." });
    expect(opened.status).toBe(201);
    const { ticketId } = (await opened.json()) as { ticketId: string };
    await page.goto(`${service.url}#/ticket/${ticketId}`);
    await step("ticket-subject").waitFor();

    // The agent starts a reply; the customer writes meanwhile, and the board shows it live.
    const ANSWER = "Please power-cycle the plotter and tell us what the display says.";
    await step("action-text").fill(ANSWER);
    expect((await post(`tickets/${ticketId}/reply`, { body: "It also beeps twice." })).status).toBe(200);
    await poll(() => text(page.locator(".tl.customer").first())).toContain("beeps twice");

    // Sent against the version the agent began at: refused, nothing recorded, the text kept.
    await step("reply").click();
    await poll(() => text(step("action-message"))).toContain("changed since you looked");
    expect(await step("action-text").inputValue()).toBe(ANSWER);
    expect(await page.locator(".tl.reply").count()).toBe(0);

    // Read, sent again: recorded once.
    await step("reply").click();
    await poll(() => text(step("action-message"))).toContain("comment done");
    await poll(() => page.locator(".tl.reply").count()).toBe(1);
    expect(await text(page.locator(".tl.reply").first())).toContain(ANSWER);
  }, 120_000);

  it("the portal refuses a ticket of another organisation", async () => {
    const rows = (await (await fetch(`${service.url}api/queue?organisation=Nordwerk%20AG`)).json()) as {
      rows: { ticketId: string }[];
    };
    const other = rows.rows[0]?.ticketId;
    expect(other).toBeDefined();
    const res = await fetch(`${service.url}api/portal/mia.chen/tickets/${other}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});
