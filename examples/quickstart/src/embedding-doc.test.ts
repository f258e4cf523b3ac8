/**
 * docs/embedding.md, followed literally, yields a desk whose timers fire: this test runs the
 * page's first block exactly as it stands (docs/docs.test.ts only type-checks it), on embedded
 * PGlite, with the system clock it reads (`Date.now`) moved by the test. Nothing is wired besides
 * what the block does: the opening notice goes out, an hour later the running timer worker
 * records the ladder's level 1 and the response breach and the lead is told, and two days after
 * an agent resolves the ticket the worker closes it.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DAY, type Desk, HOUR, loadTicket } from "@ticketfold/core";
import { afterEach, describe, expect, it, vi } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const page = readFileSync(join(root, "docs", "embedding.md"), "utf8");
const lead = /## A desk in one call[\s\S]*?```ts\n([\s\S]*?)```/.exec(page)?.[1] ?? "";

const T0 = Date.parse("2025-03-03T09:00:00Z");
const TICKET = "01JNDG9Q000000000000000001";
const WAIT = { timeout: 60_000, interval: 50 };

describe("docs/embedding.md's desk, run as written", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("breaches, escalates and auto-closes a ticket with nothing else wired", async () => {
    expect(lead).toContain("createPostgresDesk");
    // Written beside this package (.tmp/ is git-ignored) so its imports resolve like an app's.
    const dir = join(import.meta.dirname, "..", ".tmp");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "embedding-lead.ts");
    writeFileSync(file, lead);
    const printed: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      printed.push(args.join(" "));
    });
    // Only the clock is faked: the workers' real timers still run.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const { desk } = (await import(/* @vite-ignore */ file)) as { desk: Desk & { close(): Promise<void> } };
    try {
      const types = async () => (await loadTicket(desk.store, "acme", TICKET)).events.map((e) => e.type);
      await vi.waitFor(() => expect(printed).toEqual(["ticket-opened → kim@example.com"]), WAIT);

      vi.setSystemTime(T0 + HOUR);
      await vi.waitFor(
        () =>
          expect([...printed].sort()).toEqual([
            "escalation-reached → lead@example.com",
            "sla-breach → lead@example.com",
            "ticket-opened → kim@example.com",
          ]),
        WAIT,
      );
      expect(await types()).toEqual(["opened", "escalation-level-reached", "sla-breached"]);

      const agent = { kind: "agent", id: "a-1" } as const;
      const base = { tenantId: "acme", ticketId: TICKET, actor: agent };
      for (const command of [
        { ...base, type: "accept" as const },
        { ...base, type: "resolve" as const, data: { resolution: "Replaced the VPN gateway's firmware." } },
      ]) {
        const result = await desk.handle(command);
        expect(result._tag).toBe("Right");
      }
      vi.setSystemTime(T0 + HOUR + 2 * DAY);
      await vi.waitFor(async () => expect((await types()).at(-1)).toBe("closed"), WAIT);
      await vi.waitFor(async () => {
        const row = await desk.queries.getTicket("acme", TICKET, Date.now());
        expect(row).toMatchObject({ status: "closed", breached: true });
      }, WAIT);
    } finally {
      await desk.close();
    }
    expect(desk.running()).toEqual([]);
  }, 300_000);
});
