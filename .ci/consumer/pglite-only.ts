// The consumer smoke test's PGlite-only app: installed without `pg` or `@types/pg`, it must
// type-check (node16, strict, skipLibCheck false) and run. Compiled by tsc, then run by node.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { decodeCommand, decodePolicy, handleCommand, loadTicket, singlePolicy } from "@ticketfold/core";
import { createPostgresEventStore, pgliteDriver } from "@ticketfold/store-postgres";
import * as E from "fp-ts/lib/Either.js";

// `pg` must not be installed here, or this app would prove nothing.
const resolvable = (name: string): boolean => {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
};
if (resolvable("pg") || resolvable("@types/pg/package.json")) throw new Error("pg is installed in the PGlite-only app");

// Compiled to out/, beside which the app keeps desk.json.
const desk: { policy: unknown; open: unknown } = JSON.parse(
  readFileSync(new URL("../desk.json", import.meta.url), "utf8"),
);
const policy = decodePolicy(desk.policy);
const open = decodeCommand(desk.open);
if (E.isLeft(policy) || E.isLeft(open)) throw new Error("the desk's policy or command does not decode");
const store = createPostgresEventStore({ driver: pgliteDriver() });
const opened = await handleCommand(store, singlePolicy(policy.right), open.right);
if (E.isLeft(opened)) throw new Error(opened.left.message);
const { state, version } = await loadTicket(store, open.right.tenantId, open.right.ticketId);
await store.close();
if (state.status !== "new" || version !== 1) throw new Error(`read back ${state.status} at version ${version}`);
console.log(`pglite-only: ticket ${state.status} at version ${version}, no pg installed`);
