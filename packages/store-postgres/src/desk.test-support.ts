/** The desk contract's harness on a test backend: each desk on a fresh schema, dropped afterwards. */
import type { DeskHarness, DeskHarnessOptions } from "@ticketfold/testing/delivery-contract";
import { createPostgresDesk, type SqlDriver } from "./index.js";

export const postgresDeskHarness =
  (backend: () => { readonly driver: SqlDriver; schemaName(): string }) =>
  async ({ onError, ...options }: DeskHarnessOptions): Promise<DeskHarness> => {
    const { driver, schemaName } = backend();
    const schema = schemaName();
    // The backend's driver is shared by the file's tests: closing the desk leaves it open.
    const shared: SqlDriver = { ...driver, close: async () => {} };
    const desk = await createPostgresDesk({
      ...options,
      driver: shared,
      schema,
      // The contract checks the desk without an error hook too: a throwing one is the core's default.
      onError:
        onError ??
        ((error) => {
          throw error;
        }),
      timers: { idleMs: 5 },
      outbox: { idleMs: 5 },
      readSidePollMs: 20,
    });
    return {
      desk,
      close: async () => {
        await desk.close().catch(() => {});
        await driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      },
    };
  };
