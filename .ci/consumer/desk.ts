// The consumer smoke test's typed ESM app, type-checked against the installed tarballs with
// node16 and with bundler resolution (strict, skipLibCheck false): the scenario of esm.mjs with
// the public types spelled out, as a TypeScript app would write it.
import { readFileSync } from "node:fs";
import {
  type CompiledPolicy,
  compilePolicy,
  decodeCommand,
  decodePolicy,
  type EventStore,
  type Handled,
  type HandlerError,
  handleCommand,
  type LoadedTicket,
  loadTicket,
  type Policy,
  type SlaStatus,
  singlePolicy,
  slaStatus,
  type TicketCommand,
} from "@ticketfold/core";
import { createInMemoryEventStore } from "@ticketfold/store-memory";
import { createPostgresEventStore, type PostgresEventStore, pgliteDriver } from "@ticketfold/store-postgres";
import * as E from "fp-ts/lib/Either.js";

const desk: { policy: unknown; open: unknown } = JSON.parse(
  readFileSync(new URL("./desk.json", import.meta.url), "utf8"),
);
const decoded: E.Either<{ message: string }, Policy> = decodePolicy(desk.policy);
if (E.isLeft(decoded)) throw new Error(decoded.left.message);
const policy: Policy = decoded.right;
const compiled = compilePolicy(policy);
if (E.isLeft(compiled)) throw new Error(compiled.left.message);
const rules: CompiledPolicy = compiled.right;
const open = decodeCommand(desk.open);
if (E.isLeft(open)) throw new Error(open.left.message);
const command: TicketCommand = open.right;

const openAndRead = async (store: EventStore): Promise<SlaStatus> => {
  const opened: E.Either<HandlerError, Handled> = await handleCommand(store, singlePolicy(policy), command);
  if (E.isLeft(opened)) throw new Error(`${opened.left.code}: ${opened.left.message}`);
  const ticket: LoadedTicket = await loadTicket(store, command.tenantId, command.ticketId);
  return slaStatus(ticket.state, rules, Date.parse("2025-03-03T08:45:00Z"));
};

const memory: SlaStatus = await openAndRead(createInMemoryEventStore());
const postgres: PostgresEventStore = createPostgresEventStore({ driver: pgliteDriver(), schema: "desk" });
const embedded: SlaStatus = await openAndRead(postgres);
await postgres.close();
const remaining: number | undefined = memory.response?.remaining;
console.log(remaining, embedded.response?.state);
