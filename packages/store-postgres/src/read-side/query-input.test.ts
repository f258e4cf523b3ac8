/**
 * The read side's queries refuse, by code and naming the value, a tenant breaking the tenant
 * id rule and text no store could hold, instead of passing them to the driver. On the selected
 * backend.
 */
import { isInvalidStoreInput } from "@ticketfold/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { selectedBackend, type TestBackend } from "../target.test-support.js";
import { readDurationSummaries, readStatistics } from "./statistics-query.js";
import { ensureReadSide } from "./versions.js";
import { readWorkQueue } from "./work-queue-query.js";

let backend: TestBackend;
beforeAll(async () => {
  backend = await selectedBackend("read_side_input");
}, 120_000);
afterAll(() => backend?.close());

it.each([
  ["the empty tenant", { tenant: "" }, "filter.tenant"],
  ["a tenant with U+0000", { tenant: "acme\u0000" }, "filter.tenant"],
  ["an organisation with a lone surrogate", { tenant: "acme", organisation: "Ac\uD800me" }, "filter.organisation"],
  ["an assignee with U+0000", { tenant: "acme", assignee: "a\u0000" }, "filter.assignee"],
])("the work queue refuses %s", async (_name, filter, path) => {
  const { store, cleanup } = await backend.freshStore();
  try {
    await ensureReadSide(store);
    const error = await readWorkQueue(store.driver, filter, { schema: store.schema.name }).catch((e: unknown) => e);
    expect(isInvalidStoreInput(error), String(error)).toBe(true);
    expect(error).toMatchObject({ path });
  } finally {
    await cleanup();
  }
});

it.each([
  ["the empty tenant", { tenant: "" }, "query.tenant"],
  ["a customer with U+0000", { tenant: "acme", customer: "organisation:\u0000" }, "query.customer"],
])("statistics and duration summaries refuse %s", async (_name, query, path) => {
  const { store, cleanup } = await backend.freshStore();
  try {
    await ensureReadSide(store);
    for (const read of [readStatistics, readDurationSummaries]) {
      const error = await read(store.driver, { ...query, schema: store.schema.name }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "INVALID_STORE_INPUT", path });
    }
  } finally {
    await cleanup();
  }
});
