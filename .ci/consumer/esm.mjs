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

// @ticketfold/http: the desk over a Fetch handler, without a socket (the Fetch API is Node's own).
const { createHttpHandler, openApiDocument } = await import("@ticketfold/http");
{
  const { createInMemoryDesk } = await import("@ticketfold/store-memory");
  const handler = createHttpHandler({
    desk: createInMemoryDesk({ policies: policy.right, clock: () => Date.parse("2025-03-03T07:30:00Z") }),
    authenticate: () => ({ tenant: "acme", actor: { kind: "requester", id: "c-17" } }),
  });
  const opened = await handler(
    new Request("http://localhost/tickets", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "open-1" },
      body: JSON.stringify({ ticketId: open.right.ticketId, data: desk.open.data }),
    }),
  );
  assert.equal(opened.status, 201, `http: open answered ${opened.status}: ${await opened.clone().text()}`);
  assert.equal(opened.headers.get("etag"), '"1"', "http: ETag");
  const missing = await handler(new Request("http://localhost/nowhere"));
  assert.equal(missing.headers.get("content-type"), "application/problem+json", "http: problem details");
  assert.equal(openApiDocument().openapi, "3.1.0", "http: OpenAPI");
  console.log(`esm: http: open ${opened.status}, ETag ${opened.headers.get("etag")}, unknown route ${missing.status}`);
}
