/**
 * The in-memory store runs the shared EventStore contract suite, like every adapter.
 * (Imported by path: the test kit is not a dependency of this package.)
 */
import { describeEventStoreContract } from "@ticketfold/testing/store-contract";
import { createInMemoryEventStore } from "./index.js";

describeEventStoreContract("in-memory", async () => ({ store: createInMemoryEventStore() }));
