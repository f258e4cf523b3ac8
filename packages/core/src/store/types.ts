/**
 * The EventStore contract every adapter implements (in-memory, PostgreSQL, PGlite). Streams
 * are identified by tenant and stream id; a stream's version is the number of events in it.
 * The store knows nothing of tickets: it keeps typed JSON and the ticket layer decodes it.
 */
import type { Instant } from "../shared/instant.js";

/**
 * What the caller expects of the stream before appending:
 * - a number n: the stream has exactly n events (0 means it does not exist yet);
 * - `no_stream`: it does not exist; `stream_exists`: it does; `any`: no check.
 */
export type ExpectedVersion = number | "no_stream" | "stream_exists" | "any";

/** An event to append. `eventId` is assigned by the store when absent (a ULID). */
export interface NewEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly eventId?: string;
}

/**
 * Position in the global log, opaque to callers. Pass it back to `readAll` to continue
 * after it; adapters define its form (PostgreSQL: transaction id and sequence).
 */
export type Checkpoint = string;

export interface RecordedEvent extends NewEvent {
  readonly eventId: string;
  readonly tenantId: string;
  readonly streamId: string;
  /** 1-based version of this event within its stream. */
  readonly version: number;
  readonly position: Checkpoint;
  readonly recordedAt: Instant;
}

export interface StreamRead {
  readonly exists: boolean;
  /** Version of the stream after the last event read (0 when it does not exist). */
  readonly version: number;
  readonly events: readonly RecordedEvent[];
}

export interface AppendResult {
  readonly nextVersion: number;
  readonly events: readonly RecordedEvent[];
}

export interface ReadAllOptions {
  /** Continue after this checkpoint; absent or null = from the beginning. */
  readonly after?: Checkpoint | null;
  readonly limit?: number;
  /** Only this tenant's events. */
  readonly tenantId?: string;
}

export interface ReadAllResult {
  readonly events: readonly RecordedEvent[];
  /** Checkpoint after the last event returned (the `after` given when none). */
  readonly checkpoint: Checkpoint | null;
  /** True when nothing more was available at the time of reading. */
  readonly isEnd: boolean;
}

export interface EventStore {
  readStream(tenantId: string, streamId: string, options?: { readonly fromVersion?: number }): Promise<StreamRead>;
  appendToStream(
    tenantId: string,
    streamId: string,
    events: readonly NewEvent[],
    options: { readonly expectedVersion: ExpectedVersion },
  ): Promise<AppendResult>;
  readAll(options?: ReadAllOptions): Promise<ReadAllResult>;
  streamExists(tenantId: string, streamId: string): Promise<boolean>;
  close?(): Promise<void>;
}
