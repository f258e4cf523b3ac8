/**
 * The in-memory stores run the shared personal-data contract: the plain event store and the
 * outbox store (whose notices are purged too), each with its own in-memory key store.
 */
import { describePersonalDataContract } from "@ticketfold/testing/store-contract";
import { createInMemoryEventStore } from "../index.js";
import { createInMemoryOutboxStore } from "../outbox.js";
import { createInMemoryKeyStore } from "./key-store.js";

describePersonalDataContract("in-memory event store", async () => {
  const store = createInMemoryEventStore({ personalData: { keyStore: createInMemoryKeyStore() } });
  return { store, dump: async () => store.heldData() };
});

describePersonalDataContract("in-memory outbox store", async () => {
  const store = createInMemoryOutboxStore({ personalData: { keyStore: createInMemoryKeyStore() } });
  return { store, dump: async () => store.heldData() };
});
