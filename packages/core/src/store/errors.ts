/**
 * Store errors carry a stable `code` and the fields a caller needs. Guards check the code,
 * never `instanceof`: an app may load both the ESM and the CJS build of a package.
 */
import { hasCode } from "../shared/codes.js";
import type { DecodeIssue } from "../shared/decode.js";
import type { ExpectedVersion } from "./types.js";

export type StoreErrorCode =
  | "CONCURRENCY_CONFLICT"
  | "CORRUPT_EVENT"
  | "INVALID_APPEND"
  | "INVALID_CHECKPOINT"
  | "INVALID_CURSOR"
  | "INVALID_STORE_INPUT";

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = "StoreError";
    this.code = code;
  }
}

export class ConcurrencyConflict extends StoreError {
  override readonly code = "CONCURRENCY_CONFLICT" as const;
  constructor(
    readonly tenantId: string,
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's actual version (0 = no stream). */
    readonly actual: number,
  ) {
    super(
      "CONCURRENCY_CONFLICT",
      `stream ${tenantId}/${streamId}: expected ${typeof expected === "number" ? `version ${expected}` : expected}, but it is at version ${actual}${actual === 0 ? " (no stream)" : ""}`,
    );
  }
}

export class CorruptEvent extends StoreError {
  override readonly code = "CORRUPT_EVENT" as const;
  constructor(
    readonly tenantId: string,
    readonly streamId: string,
    readonly version: number,
    readonly issues: readonly DecodeIssue[],
  ) {
    super(
      "CORRUPT_EVENT",
      `event ${tenantId}/${streamId}@${version} cannot be read: ${issues.map((i) => i.message).join("; ")}`,
    );
  }
}

export class InvalidAppend extends StoreError {
  override readonly code = "INVALID_APPEND" as const;
  constructor(message: string) {
    super("INVALID_APPEND", message);
  }
}

/** A `readAll` checkpoint this store never issued (malformed, or from another store). */
export class InvalidCheckpoint extends StoreError {
  override readonly code = "INVALID_CHECKPOINT" as const;
  constructor(readonly checkpoint: string) {
    super(
      "INVALID_CHECKPOINT",
      `"${checkpoint}" is not a checkpoint of this store; pass null to read from the beginning`,
    );
  }
}

/** A page cursor this query did not issue (malformed, tampered, or from another order, filter or tenant). */
export class InvalidCursor extends StoreError {
  override readonly code = "INVALID_CURSOR" as const;
  constructor(
    readonly cursor: string,
    readonly reason: string,
  ) {
    super("INVALID_CURSOR", `the page cursor ${reason}; ask for the first page again (no cursor)`);
  }
}

/**
 * An argument no store can take, refused before anything is read or written: a tenant id
 * that breaks the tenant id rule, text PostgreSQL cannot hold (U+0000, a lone surrogate), a
 * version or limit that is not a whole number in range. `path` names the offending value
 * (`tenantId`, `events[1].data.body`, `options.fromVersion`).
 */
export class InvalidStoreInput extends StoreError {
  override readonly code = "INVALID_STORE_INPUT" as const;
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super("INVALID_STORE_INPUT", `${path} ${reason}`);
  }
}

export const isConcurrencyConflict = (u: unknown): u is ConcurrencyConflict => hasCode(u, "CONCURRENCY_CONFLICT");
export const isCorruptEvent = (u: unknown): u is CorruptEvent => hasCode(u, "CORRUPT_EVENT");
export const isInvalidAppend = (u: unknown): u is InvalidAppend => hasCode(u, "INVALID_APPEND");
export const isInvalidCheckpoint = (u: unknown): u is InvalidCheckpoint => hasCode(u, "INVALID_CHECKPOINT");
export const isInvalidCursor = (u: unknown): u is InvalidCursor => hasCode(u, "INVALID_CURSOR");
export const isInvalidStoreInput = (u: unknown): u is InvalidStoreInput => hasCode(u, "INVALID_STORE_INPUT");

/**
 * Checks an expected version against a stream's actual version; adapters call this so all of
 * them enforce the four modes the same way. Returns the conflict, or undefined when it holds.
 */
export const checkExpectedVersion = (
  tenantId: string,
  streamId: string,
  expected: ExpectedVersion,
  actual: number,
): ConcurrencyConflict | undefined => {
  const holds =
    expected === "any" ||
    (expected === "no_stream" && actual === 0) ||
    (expected === "stream_exists" && actual > 0) ||
    (typeof expected === "number" && expected === actual);
  return holds ? undefined : new ConcurrencyConflict(tenantId, streamId, expected, actual);
};

/** Validates an append's arguments (adapters share it). */
export const validateAppend = (expected: ExpectedVersion, events: readonly unknown[]): InvalidAppend | undefined => {
  if (typeof expected === "number" && (!Number.isInteger(expected) || expected < 0)) {
    return new InvalidAppend(
      `expected version must be a whole number ≥ 0, no_stream, stream_exists or any; got ${expected}`,
    );
  }
  if (typeof expected === "string" && !["no_stream", "stream_exists", "any"].includes(expected)) {
    return new InvalidAppend(`unknown expected version "${expected}"`);
  }
  if (events.length === 0) return new InvalidAppend("nothing to append: give at least one event");
  return undefined;
};
