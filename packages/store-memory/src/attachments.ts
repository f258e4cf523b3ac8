/**
 * In-memory AttachmentStore: bytes kept per tenant under the SHA-256 it computes, copied in and
 * out, so no caller can change what was stored. For tests, demos and single-process apps; the
 * PostgreSQL store keeps them in a table with the same behaviour.
 */
import { createHash } from "node:crypto";
import {
  type Attachment,
  type AttachmentStore,
  type AttachmentUpload,
  attachmentId,
  validateTenantId,
} from "@ticketfold/core";

export const createInMemoryAttachmentStore = (): AttachmentStore => {
  const files = new Map<string, Uint8Array>();
  const key = (tenantId: string, id: string) => `${tenantId}\u0000${id}`;
  return {
    async put(tenantId: string, upload: AttachmentUpload) {
      const invalid = validateTenantId(tenantId, "tenantId");
      if (invalid) throw invalid;
      const content = Uint8Array.from(upload.content);
      const sha256 = createHash("sha256").update(content).digest("hex");
      const id = attachmentId(sha256);
      if (!files.has(key(tenantId, id))) files.set(key(tenantId, id), content);
      const ref: Attachment & { id: string; sha256: string } = {
        id,
        name: upload.name,
        size: content.byteLength,
        contentType: upload.contentType,
        sha256,
      };
      return ref;
    },
    async get(tenantId: string, id: string) {
      const found = files.get(key(tenantId, id));
      return found === undefined ? undefined : Uint8Array.from(found);
    },
  };
};
