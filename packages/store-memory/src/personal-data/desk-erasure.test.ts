/** The in-memory desk holds to the desk erasure contract (personal data on, in-memory key store). */
import { describeDeskErasureContract } from "@ticketfold/testing/delivery-contract";
import { createInMemoryDesk } from "../desk.js";
import { createInMemoryKeyStore } from "./key-store.js";

describeDeskErasureContract("in-memory desk", async (options) => {
  const desk = createInMemoryDesk({ ...options, personalData: { keyStore: createInMemoryKeyStore() } });
  return {
    desk,
    dump: async () => desk.store.heldData(),
    catchUp: async () => {
      await desk.queries.catchUp();
    },
    close: () => desk.stop(),
  };
});
