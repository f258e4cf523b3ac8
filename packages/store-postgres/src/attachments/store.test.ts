/**
 * The PostgreSQL attachment store runs the shared AttachmentStore contract suite: always on
 * embedded PGlite, and on the server at TICKETFOLD_PG_URL when it is set (skipped, with the
 * reason, otherwise).
 */
import { describeAttachmentStoreContract } from "@ticketfold/testing/store-contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_SERVER_REASON, pgliteBackend, serverBackend, serverUrl, type TestBackend } from "../target.test-support.js";
import { attachmentsTable } from "./migration.js";
import { createPostgresAttachmentStore } from "./store.js";

const backends: { pglite?: TestBackend; server?: TestBackend } = {};
beforeAll(async () => {
  backends.pglite = await pgliteBackend("attach");
  if (serverUrl) backends.server = await serverBackend("attach", 4);
});
afterAll(async () => {
  await backends.pglite?.close();
  await backends.server?.close();
});

const on = (which: keyof typeof backends) => async () => {
  const backend = backends[which];
  if (!backend) throw new Error(`${which} backend not started`);
  const { store, cleanup } = await backend.freshStore();
  return { store: createPostgresAttachmentStore(store), cleanup };
};

describeAttachmentStoreContract("pglite", on("pglite"));
if (serverUrl) describeAttachmentStoreContract("postgres server", on("server"));
else describe("AttachmentStore contract: postgres server", () => it.skip(NO_SERVER_REASON, () => {}));

describe("the attachments table", () => {
  it("holds the bytes once per tenant and digest, with the size the adapter measured", async () => {
    const backend = backends.pglite;
    if (!backend) throw new Error("pglite backend not started");
    const { store, cleanup } = await backend.freshStore();
    try {
      const files = createPostgresAttachmentStore(store);
      const content = new TextEncoder().encode("1234567890");
      await files.put("t1", { name: "a", contentType: "text/plain", content });
      await files.put("t1", { name: "b", contentType: "text/plain", content });
      await files.put("t2", { name: "a", contentType: "text/plain", content });
      const { rows } = await store.driver.query<{ tenant: string; size: string | number }>(
        `SELECT tenant, size FROM ${attachmentsTable(store.schema)} ORDER BY tenant`,
      );
      expect(rows.map((r) => [r.tenant, Number(r.size)])).toEqual([
        ["t1", 10],
        ["t2", 10],
      ]);
    } finally {
      await cleanup();
    }
  });
});
