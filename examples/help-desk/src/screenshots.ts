/**
 * `pnpm --filter @ticketfold/example-help-desk screenshots`: the docs' pictures of the board,
 * taken in headless Chromium from a freshly seeded desk on the test clock, into
 * docs/public/screenshots/ (docs/board.md shows every PNG there, in file-name order):
 * 01 the work queue, 02 a ticket past its deadline with its escalation, 03 the customer
 * portal, 04 the customer's view of that ticket (no internal note). Loopback only; stops by itself.
 */
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumPath, launchChromium } from "./browser.js";
import { parseStart } from "./clock.js";
import { startService } from "./service.js";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "docs", "public", "screenshots");
const executable = chromiumPath();
if (executable === undefined) {
  console.error("no Chromium at /usr/bin/chromium (or CHROMIUM_PATH): apt-get install -y chromium");
  process.exit(1);
}

const post = async (url: string, body: unknown) => {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
};

await mkdir(out, { recursive: true });
const service = await startService({ testClockAt: parseStart("2026-03-06T15:00:00Z"), port: 0 });
const browser = await launchChromium(executable);
try {
  const api = `${service.url}api`;
  // The queue first, at 15:10: fresh tickets counting down (some past their warning), old ones red.
  await post(`${api}/test/clock`, { advance: "10m" });
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await page.goto(service.url);
  await page.locator('[data-testid="queue-row"]').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(out, "01-work-queue.png") });

  // A P1 at Nordwerk (P-C, 24×7: response 30 min), an internal note, and nobody answers in time.
  const opened = await post(`${api}/portal/boris.ivanov/tickets`, {
    subject: "Packing line 3 stopped: PLC gateway unreachable",
    description:
      "Since this evening's shift change the packing line's PLC gateway does not answer; line 3 stands still.",
    priority: "1",
  });
  const id = String(opened.ticketId);
  await post(`${api}/test/clock`, { advance: "10m" });
  await post(`${api}/tickets/${id}/commands`, {
    agent: "olga",
    type: "comment",
    data: {
      body: "Gateway firmware 2.3 has a known watchdog bug; check with the vendor before we promise a date.",
      visibility: "internal",
    },
  });
  await post(`${api}/test/clock`, { advance: "35m" });
  await post(`${api}/tickets/${id}/commands`, { agent: "olga", type: "accept", data: {} });
  await post(`${api}/tickets/${id}/commands`, {
    agent: "olga",
    type: "comment",
    data: { body: "We are on it: restarting the gateway remotely and checking its watchdog." },
  });
  await post(`${api}/portal/boris.ivanov/tickets/${id}/reply`, {
    body: "Restart did not help, the line is still down.",
  });
  await post(`${api}/tickets/${id}/commands`, {
    agent: "olga",
    type: "request-escalation",
    data: { reason: "Production stopped for over half an hour." },
  });
  await post(`${api}/test/clock`, { advance: "3h30m" });

  await page.goto(`${service.url}#/ticket/${id}`);
  await page.locator('[data-type="sla-breached"]').first().waitFor();
  // "Why is it due then?" open: explainSla's periods, re-targets and versions per metric.
  await page.locator('[data-testid="sla-explain"] summary').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(out, "02-ticket-breached-and-escalated.png"), fullPage: true });

  await page.goto(`${service.url}#/portal/boris.ivanov`);
  await page.locator('[data-testid="portal-mine"] li').first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, "03-customer-portal.png") });

  await page.goto(`${service.url}#/portal/boris.ivanov/${id}`);
  await page.locator('[data-testid="portal-history"] li').first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, "04-customer-ticket-view.png"), fullPage: true });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await service.close();
}
