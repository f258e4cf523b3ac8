/**
 * `pnpm --filter @ticketfold/example-help-desk start`: the help desk and its board.
 *
 * Environment:
 * - `DATABASE_URL`: PostgreSQL (e.g. postgres://postgres@127.0.0.1:5432/postgres); absent:
 *   embedded PGlite in memory (a fresh seeded week on every start).
 * - `DATABASE_SCHEMA`: the schema for the desk's tables (default help_desk).
 * - `PORT` (default 4848; 0 = any free port), `HOST` (default 127.0.0.1).
 * - `HELP_DESK_CLOCK`: an ISO instant: a test clock standing there, moved only by
 *   `POST /api/test/clock {"advance":"2h"}` (the board shows buttons for it); absent: the wall clock.
 * Ctrl-C stops it.
 */
import { parseStart } from "./clock.js";
import { startService } from "./service.js";

const env = process.env;
const started = Date.now();
console.log("Ticketfold help desk: starting…");
const service = await startService({
  ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
  ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}),
  ...(env.HELP_DESK_CLOCK ? { testClockAt: parseStart(env.HELP_DESK_CLOCK) } : {}),
  port: env.PORT === undefined ? 4848 : Number(env.PORT),
  host: env.HOST ?? "127.0.0.1",
  log: (line) => console.log(`  ${line}`),
});
const { desk, seeded } = service;
console.log(
  [
    `  store: ${desk.database === "postgresql" ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite (in memory)"}`,
    `  seeded: ${seeded ? `${seeded.tickets} tickets, ${seeded.steps} steps over the past week` : "kept what the database had"}`,
    `  clock: ${desk.clock.frozen ? `test clock at ${new Date(desk.clock.now()).toISOString()}` : "wall clock"}`,
    `  mail: SMTP catcher on 127.0.0.1:${service.mail.port}; webhooks: ${service.hooks.url}`,
    `  ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    "",
    `  Agent board:     ${service.url}`,
    `  Customer portal: ${service.url}#/portal`,
    "",
  ].join("\n"),
);
const stop = async () => {
  console.log("stopping…");
  await service.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
