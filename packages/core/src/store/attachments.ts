/**
 * The attachment storage port. Events never hold the bytes of a file: an adapter keeps them
 * and hands back a reference (ticket/fields.ts `Attachment`: id, name, size, type, SHA-256),
 * which intake (mail, web) puts into the `open` or `comment` command. The bytes are keyed by
 * their SHA-256, computed by the adapter from the bytes it is given (never taken from the
 * caller), within one tenant: the same file stored twice is kept once, and one tenant never
 * reads another's files. The core only checks the reference against the policy's limits.
 */
import type { Attachment } from "../ticket/fields.js";

/** A file to keep: its bytes and what the sender called it. */
export interface AttachmentUpload {
  readonly name: string;
  /** The media type the sender gave (`application/pdf`). */
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** Where the bytes of attachments live (in-memory, PostgreSQL). */
export interface AttachmentStore {
  /**
   * Keeps the bytes for a tenant and returns the reference: `size` is the byte count and
   * `sha256` the hex digest the adapter computed; `id` is `sha256:<digest>`. Storing the same
   * bytes again keeps one copy and returns the same id.
   */
  put(
    tenantId: string,
    upload: AttachmentUpload,
  ): Promise<Attachment & { readonly id: string; readonly sha256: string }>;
  /** The bytes under this id for this tenant, or undefined when there are none. */
  get(tenantId: string, id: string): Promise<Uint8Array | undefined>;
}

/** The id an adapter gives the bytes with this SHA-256 hex digest. */
export const attachmentId = (sha256: string): string => `sha256:${sha256}`;

/** The digest in an id made by `attachmentId`, or undefined for any other text. */
export const digestOfAttachmentId = (id: string): string | undefined => {
  const m = /^sha256:([0-9a-f]{64})$/.exec(id);
  return m?.[1];
};
