// The consumer smoke test's ESM app (plain JavaScript, as an app would write it): a ticket opened
// through the command handler on the in-memory store and on PostgreSQL over embedded PGlite,
// read back, and its SLA status computed. Run from a scratch app that installed the tarballs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  compilePolicy,
  decodeCommand,
  decodePolicy,
  handleCommand,
  loadTicket,
  singlePolicy,
  slaStatus,
} from "@ticketfold/core";
import { createInMemoryEventStore } from "@ticketfold/store-memory";
import { createPostgresEventStore, pgliteDriver } from "@ticketfold/store-postgres";
import * as E from "fp-ts/lib/Either.js";

const desk = JSON.parse(readFileSync(new URL("./desk.json", import.meta.url), "utf8"));
const policy = decodePolicy(desk.policy);
if (E.isLeft(policy)) throw new Error(policy.left.message);
const compiled = compilePolicy(policy.right);
if (E.isLeft(compiled)) throw new Error(compiled.left.message);
const open = decodeCommand(desk.open);
if (E.isLeft(open)) throw new Error(open.left.message);

const stores = [
  ["memory", createInMemoryEventStore(), async () => {}],
  ["pglite", createPostgresEventStore({ driver: pgliteDriver() }), (s) => s.close()],
];
for (const [name, store, close] of stores) {
  const opened = await handleCommand(store, singlePolicy(policy.right), open.right);
  assert.ok(E.isRight(opened), `${name}: open was refused: ${JSON.stringify(opened)}`);
  const { state, version } = await loadTicket(store, "acme", open.right.ticketId);
  assert.equal(version, 1, `${name}: version`);
  assert.equal(state.status, "new", `${name}: status`);
  // Opened 08:30 Berlin, before opening time: the response clock starts at 09:00; at 09:45, 15 min left.
  const sla = slaStatus(state, compiled.right, Date.parse("2025-03-03T08:45:00Z"));
  assert.equal(sla.response?.state, "running", `${name}: response clock`);
  assert.equal(sla.response?.remaining, 15 * 60_000, `${name}: response remaining`);
  await close(store);
  console.log(`esm: ${name}: ticket ${state.status} at version ${version}, response ${sla.response?.state}`);
}
