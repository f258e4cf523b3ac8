/**
 * The personal-data contract on a PostgreSQL backend (PGlite or the server): the event store and
 * the outbox store, each in a fresh schema with the `subject_keys` key table, and the scan of
 * every text and jsonb column of every table as what the store holds.
 */
import { describeDeskErasureContract } from "@ticketfold/testing/delivery-contract";
import { describePersonalDataContract } from "@ticketfold/testing/store-contract";
import { createPostgresEventStore, createPostgresOutboxStore } from "../index.js";
import type { TestBackend } from "../target.test-support.js";
import { postgresErasureHarness } from "./desk-erasure.test-support.js";
import { scanSchema } from "./scan.test-support.js";

export const personalDataSuite = (name: string, backend: () => TestBackend): void => {
  describePersonalDataContract(`PostgreSQL event store on ${name}`, async () => {
    const { driver } = backend();
    const schema = backend().schemaName();
    const store = createPostgresEventStore({ driver, schema, closeDriver: false, personalData: {} });
    await store.migrate();
    return {
      store,
      dump: () => scanSchema(driver, schema),
      cleanup: () => driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).then(() => undefined),
    };
  });
  describePersonalDataContract(`PostgreSQL outbox store on ${name}`, async () => {
    const { driver } = backend();
    const schema = backend().schemaName();
    const store = createPostgresOutboxStore({ driver, schema, closeDriver: false, personalData: {} });
    await store.migrate();
    return {
      store,
      dump: () => scanSchema(driver, schema),
      cleanup: () => driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).then(() => undefined),
    };
  });
  describeDeskErasureContract(`PostgreSQL desk on ${name}`, postgresErasureHarness(backend));
};
