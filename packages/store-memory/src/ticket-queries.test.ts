/**
 * The in-memory ticket list runs the shared read-model contract, like every adapter; and a
 * query reads its own writes (it catches up with the log first).
 */
import { describeTicketQueriesContract } from "@ticketfold/testing/read-model-contract";
import { InMemoryEventStore } from "./index.js";
import { createInMemoryTicketQueries } from "./ticket-queries.js";

describeTicketQueriesContract(
  "in-memory",
  async (policies) => {
    const store = new InMemoryEventStore();
    // Every query catches up first: nothing to wait for.
    return { store, queries: createInMemoryTicketQueries(store, { policies, batchSize: 7 }), settle: async () => {} };
  },
  { numRuns: 40 },
);
