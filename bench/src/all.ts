/**
 * `pnpm bench`: runs every benchmark module present in bench/src, one after another (never in
 * parallel: they would measure each other), and prints their lines. A module that is not
 * there yet is skipped and said so; one that fails stops the run with its error.
 */
import { existsSync } from "node:fs";

type Bench = () => Promise<string[]>;

const modules: readonly { readonly file: string; readonly name: string }[] = [
  { file: "fold", name: "benchFold" },
  { file: "calendar", name: "benchCalendar" },
  { file: "calendar-libs", name: "benchCalendarLibs" },
  { file: "sla", name: "benchSla" },
  { file: "sla-index", name: "benchSlaIndex" },
  { file: "postgres", name: "benchPostgres" },
  { file: "ticket-list", name: "benchTicketList" },
  { file: "live-queue", name: "benchLiveQueue" },
  { file: "intake", name: "benchIntake" },
  { file: "http", name: "benchHttp" },
  { file: "workers", name: "benchWorkers" },
];

const present = (file: string): boolean =>
  existsSync(new URL(`./${file}.ts`, import.meta.url)) || existsSync(new URL(`./${file}.js`, import.meta.url));

for (const { file, name } of modules) {
  if (!present(file)) {
    console.log(`${file}: skipped (no bench/src/${file}.ts)`);
    continue;
  }
  const loaded = (await import(`./${file}.js`)) as Record<string, unknown>;
  const bench = loaded[name];
  if (typeof bench !== "function") throw new Error(`bench/src/${file}.ts does not export ${name}()`);
  for (const line of await (bench as Bench)()) console.log(line);
}
