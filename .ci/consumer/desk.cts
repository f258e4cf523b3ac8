// The consumer smoke test's typed CommonJS module, type-checked with node16 resolution: a
// `.cts` file's imports compile to `require`, so they resolve through each package's "require"
// condition to its `.d.cts` types.
import { decodeCommand, type TicketCommand } from "@ticketfold/core";
import { createInMemoryEventStore } from "@ticketfold/store-memory";
import { createPostgresEventStore, pgliteDriver, type SqlDriver } from "@ticketfold/store-postgres";
import * as E from "fp-ts/lib/Either";

export const decodeOpen = (body: unknown): TicketCommand | string => {
  const decoded = decodeCommand(body);
  return E.isLeft(decoded) ? decoded.left.message : decoded.right;
};

export const stores = (dataDir: string) => {
  const driver: SqlDriver = pgliteDriver(dataDir);
  return { memory: createInMemoryEventStore(), embedded: createPostgresEventStore({ driver }) };
};
