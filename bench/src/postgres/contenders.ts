/**
 * The two libraries behind the benchmark's Contender interface: Ticketfold's PostgreSQL store
 * (pg driver) and Emmett's PostgreSQL event store. Both decode and fold with the core, so
 * the comparison is the storage path: append, read a stream, read the global log.
 */
import { createRequire } from "node:module";
import { STREAM_DOES_NOT_EXIST } from "@event-driven-io/emmett";
import { getPostgreSQLEventStore, readMessagesBatch } from "@event-driven-io/emmett-postgresql";
import { fold, fromRecorded, loadTicket, type RecordedEvent, type TicketEvent } from "@ticketfold/core";
import pg from "pg";
import { createPostgresEventStore, pgDriver } from "../../../packages/store-postgres/src/index.js";
import { type Contender, pagedCatchUp } from "./workload.js";

const TENANT = "bench";

export const ticketfoldContender = (connectionString: string, options: { notify?: boolean } = {}): Contender => {
  const pool = new pg.Pool({ connectionString, max: 10 });
  pool.on("error", () => {});
  const store = createPostgresEventStore({ driver: pgDriver(pool), ...options });
  let appended = 0;
  return {
    name: options.notify === false ? "ticketfold (no NOTIFY)" : "ticketfold",
    appended: () => appended,
    async append(stream, events, version) {
      await store.appendToStream(TENANT, stream, events, { expectedVersion: version });
      appended += events.length;
    },
    async load(stream) {
      return (await loadTicket(store, TENANT, stream)).version;
    },
    async catchUp(pageSize, options) {
      let after: string | null = null;
      const next = async () => {
        const page = await store.readAll({ after, limit: pageSize });
        after = page.checkpoint;
        return { items: page.events, isEnd: page.isEnd };
      };
      return pagedCatchUp(next, (e) => e.eventId, options);
    },
    async close() {
      await store.close();
      await pool.end();
    },
  };
};

/** Emmett keeps no schema version or tenant: they ride in the metadata so decoding matches. */
const asRecorded = (stream: string, e: { type: string; data: unknown; metadata: unknown }, i: number) => {
  const meta = e.metadata as { schemaVersion: number };
  return {
    eventId: "",
    tenantId: TENANT,
    streamId: stream,
    version: i + 1,
    type: e.type,
    schemaVersion: meta.schemaVersion,
    data: e.data,
    metadata: e.metadata,
    position: "",
    recordedAt: 0,
  } satisfies RecordedEvent;
};

export const emmettContender = async (connectionString: string): Promise<Contender> => {
  const store = getPostgreSQLEventStore(connectionString);
  await store.schema.migrate();
  // Emmett's global read takes a dumbo executor; dumbo comes with emmett-postgresql.
  const requireFromEmmett = createRequire(import.meta.resolve("@event-driven-io/emmett-postgresql"));
  const { dumbo } = requireFromEmmett("@event-driven-io/dumbo") as {
    dumbo: (o: { connectionString: string }) => {
      execute: Parameters<typeof readMessagesBatch>[0];
      close(): Promise<void>;
    };
  };
  const reader = dumbo({ connectionString });
  let appended = 0;
  return {
    name: "emmett-postgresql",
    appended: () => appended,
    async append(stream, events, version) {
      const payload = events.map((e) => ({
        type: e.type,
        data: e.data as Record<string, unknown>,
        metadata: { ...(e.metadata as Record<string, unknown>), schemaVersion: e.schemaVersion },
      }));
      await store.appendToStream(stream, payload, {
        expectedStreamVersion: version === 0 ? STREAM_DOES_NOT_EXIST : BigInt(version),
      });
      appended += events.length;
    },
    async load(stream) {
      const read = await store.readStream(stream);
      const events: TicketEvent[] = read.events.map((e, i) => {
        const decoded = fromRecorded(asRecorded(stream, e as never, i));
        if (decoded._tag === "Left") throw decoded.left;
        return decoded.right;
      });
      fold(events);
      return events.length;
    },
    async catchUp(pageSize, options) {
      let after = 0n;
      const next = async () => {
        const page = await readMessagesBatch(reader.execute, { after, batchSize: pageSize });
        after = page.currentGlobalPosition;
        return { items: page.messages, isEnd: !page.areMessagesLeft };
      };
      return pagedCatchUp(next, (m) => String(m.metadata.messageId), options);
    },
    async close() {
      await reader.close();
      await store.close();
    },
  };
};
