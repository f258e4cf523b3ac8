/**
 * The PostgreSQL AttachmentStore: bytes in the schema's `attachments` table (a `bytea`
 * column, migration 4), keyed by tenant and the SHA-256 computed here from the bytes given.
 * Storing the same bytes again for a tenant keeps the first row (`ON CONFLICT DO NOTHING`).
 * Works on PGlite and on a real server alike.
 */
import { createHash } from "node:crypto";
import {
  type Attachment,
  type AttachmentStore,
  type AttachmentUpload,
  attachmentId,
  digestOfAttachmentId,
  validateTenantId,
} from "@ticketfold/core";
import type { PostgresEventStore } from "../store.js";
import { attachmentsTable } from "./migration.js";

const toBytes = (u: unknown): Uint8Array =>
  u instanceof Uint8Array
    ? Uint8Array.from(u)
    : typeof u === "string"
      ? Buffer.from(u.replace(/^\\x/, ""), "hex")
      : new Uint8Array();

/** An attachment store in the event store's schema (run `store.migrate()` first). */
export const createPostgresAttachmentStore = (store: PostgresEventStore): AttachmentStore => {
  const table = attachmentsTable(store.schema);
  return {
    async put(tenantId: string, upload: AttachmentUpload) {
      const invalid = validateTenantId(tenantId, "tenantId");
      if (invalid) throw invalid;
      const content = Uint8Array.from(upload.content);
      const sha256 = createHash("sha256").update(content).digest("hex");
      await store.driver.query(
        `INSERT INTO ${table} (tenant, sha256, size, content) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant, sha256) DO NOTHING`,
        [tenantId, sha256, content.byteLength, content],
      );
      const ref: Attachment & { id: string; sha256: string } = {
        id: attachmentId(sha256),
        name: upload.name,
        size: content.byteLength,
        contentType: upload.contentType,
        sha256,
      };
      return ref;
    },
    async get(tenantId: string, id: string) {
      const digest = digestOfAttachmentId(id);
      if (digest === undefined || validateTenantId(tenantId, "tenantId") !== undefined) return undefined;
      const { rows } = await store.driver.query<{ content: unknown }>(
        `SELECT content FROM ${table} WHERE tenant = $1 AND sha256 = $2`,
        [tenantId, digest],
      );
      return rows[0] === undefined ? undefined : toBytes(rows[0].content);
    },
  };
};
