/**
 * Everything `pnpm start` runs, as one call (also used by the e2e test and the screenshots):
 * the loopback peers (an SMTP mail catcher, a webhook receiver that verifies signatures), the
 * clock, the desk on PostgreSQL or PGlite, the seeded week, the workers, the board's bundle and
 * the HTTP server.
 */
import type { Instant } from "@ticketfold/core";
import {
  type HookReceiver,
  type MailCatcher,
  startHookReceiver,
  startMailCatcher,
} from "@ticketfold/example-email-desk/peers";
import { buildBoard } from "./board-build.js";
import { deskClock } from "./clock.js";
import { type HelpDesk, openHelpDesk } from "./desk.js";
import { startHttp } from "./http.js";
import { seedWeek } from "./seed.js";

export interface ServiceOptions {
  /** PostgreSQL connection string; absent: embedded PGlite in memory. */
  readonly databaseUrl?: string;
  readonly schema?: string;
  /** A test clock standing at this instant (moved by `POST /api/test/clock`); absent: the wall clock. */
  readonly testClockAt?: Instant;
  /** Seed the past week (default true; skipped when the store already has tickets). */
  readonly seed?: boolean;
  readonly port?: number;
  readonly host?: string;
  readonly log?: (line: string) => void;
}

export interface Service {
  readonly url: string;
  readonly desk: HelpDesk;
  readonly mail: MailCatcher;
  readonly hooks: HookReceiver;
  readonly seeded: { readonly tickets: number; readonly steps: number } | null;
  close(): Promise<void>;
}

const WEBHOOK_SECRET = "whsec-help-desk-dev";

export const startService = async (options: ServiceOptions = {}): Promise<Service> => {
  const log = options.log ?? (() => {});
  const mail = await startMailCatcher();
  const hooks = await startHookReceiver(WEBHOOK_SECRET);
  const clock = deskClock(options.testClockAt === undefined ? {} : { frozenAt: options.testClockAt });
  const [assets, desk] = await Promise.all([
    buildBoard(),
    openHelpDesk({
      clock,
      ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      smtp: { host: "127.0.0.1", port: mail.port },
      webhook: { url: hooks.url, secret: WEBHOOK_SECRET },
    }),
  ]);
  let seeded: Service["seeded"] = null;
  const empty = (await desk.store.readAll({ limit: 1 })).events.length === 0;
  if (options.seed !== false && empty) {
    log("seeding a week of tickets…");
    seeded = await seedWeek(desk, clock.now());
  }
  clock.release();
  desk.start();
  const http = await startHttp({
    desk,
    assets,
    peers: { mail, hooks },
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.host === undefined ? {} : { host: options.host }),
  });
  return {
    url: http.url,
    desk,
    mail,
    hooks,
    seeded,
    async close() {
      await http.close();
      await desk.close();
      await mail.close();
      await hooks.close();
    },
  };
};
