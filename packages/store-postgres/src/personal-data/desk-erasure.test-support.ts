/** The desk erasure contract's harness on a test backend: a desk with personal data in a fresh schema, scanned whole. */
import { policyLookupOf } from "@ticketfold/core";
import type { DeskHarnessOptions, ErasureHarness } from "@ticketfold/testing/delivery-contract";
import { catchUpReadSide, createPostgresDesk, ensureReadSide, type SqlDriver } from "../index.js";
import { scanSchema } from "./scan.test-support.js";

export const postgresErasureHarness =
  (backend: () => { readonly driver: SqlDriver; schemaName(): string }) =>
  async (options: DeskHarnessOptions): Promise<ErasureHarness> => {
    const { driver, schemaName } = backend();
    const schema = schemaName();
    const shared: SqlDriver = { ...driver, close: async () => {} };
    const desk = await createPostgresDesk({ ...options, driver: shared, schema, personalData: {} });
    return {
      desk,
      dump: () => scanSchema(driver, schema),
      catchUp: async () => {
        const version = await ensureReadSide(desk.store.events);
        await catchUpReadSide(desk.store.events, version, { policies: policyLookupOf(options.policies) });
      },
      close: async () => {
        await desk.close().catch(() => {});
        await driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      },
    };
  };
