/**
 * The read-model contract's fixture on a backend: a fresh schema with the read side, the
 * ticket list over it, and `settle` catching the active set up until it has applied every
 * event appended (bounded: on a shared server, read-all may hold events back a moment).
 */
import type { MakeTicketQueries } from "@ticketfold/testing/read-model-contract";
import { catchUpReadSide, createPostgresTicketQueries, ensureReadSide } from "./index.js";
import type { TestBackend } from "./target.test-support.js";

export const postgresTicketQueries =
  (getBackend: () => TestBackend): MakeTicketQueries =>
  async (policies) => {
    const { store, cleanup } = await getBackend().freshStore();
    const version = await ensureReadSide(store);
    let applied = 0;
    return {
      store,
      queries: createPostgresTicketQueries(store, { policies }),
      cleanup,
      async settle(events) {
        const until = Date.now() + 15_000;
        while (applied < events) {
          applied += (await catchUpReadSide(store, version, { policies, batchSize: 7 })).events;
          if (Date.now() > until) throw new Error(`caught up only ${applied} of ${events} events`);
          if (applied < events) await new Promise((r) => setTimeout(r, 20));
        }
      },
    };
  };
