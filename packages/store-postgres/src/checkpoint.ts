/**
 * Read-all checkpoints. A position in the global log is the pair (transaction id, global
 * position): events are read in that order, so the pair is the exact resume point (see
 * read-all.ts). Callers treat the string as opaque; it is written `<xid8>:<position>`.
 */
import { type Checkpoint, InvalidCheckpoint } from "@ticketfold/core";

export interface LogPosition {
  /** xid8 of the writing transaction, as decimal text (it may exceed 2^53). */
  readonly transactionId: string;
  /** Value of the events' sequence, as decimal text. */
  readonly globalPosition: string;
}

/** Before every event: reading after it starts at the beginning of the log. */
export const LOG_START: LogPosition = { transactionId: "0", globalPosition: "0" };

const FORM = /^(\d{1,20}):(\d{1,19})$/;

export const encodeCheckpoint = (p: LogPosition): Checkpoint => `${p.transactionId}:${p.globalPosition}`;

/** Parses a checkpoint this store issued; null (or absent) means the beginning. */
export const parseCheckpoint = (c: Checkpoint | null | undefined): LogPosition => {
  if (c === null || c === undefined) return LOG_START;
  const m = FORM.exec(c);
  if (!m) throw new InvalidCheckpoint(c);
  const [, transactionId, globalPosition] = m as unknown as [string, string, string];
  if (BigInt(transactionId) >= 2n ** 64n || BigInt(globalPosition) >= 2n ** 63n) throw new InvalidCheckpoint(c);
  return { transactionId, globalPosition };
};

/** The checkpoint to report for a position: the log's start reads as null. */
export const checkpointOf = (p: LogPosition): Checkpoint | null =>
  p.transactionId === "0" && p.globalPosition === "0" ? null : encodeCheckpoint(p);
