/**
 * Read-side errors, with stable codes (guards check the code, never `instanceof`).
 */
import { hasCode, InvalidStoreInput, unstorableText } from "@ticketfold/core";

export type ReadSideErrorCode =
  | "READ_SIDE_NOT_CAUGHT_UP"
  | "READ_SIDE_SWITCHED"
  | "READ_SIDE_VERSION_ACTIVE"
  | "READ_SIDE_ROW_INVALID";

export class ReadSideError extends Error {
  readonly code: ReadSideErrorCode;
  constructor(code: ReadSideErrorCode, message: string) {
    super(message);
    this.name = "ReadSideError";
    this.code = code;
  }
}

/** A switch was asked for a table set whose consumer has not read the whole log yet. */
export class ReadSideNotCaughtUp extends ReadSideError {
  override readonly code = "READ_SIDE_NOT_CAUGHT_UP" as const;
  constructor(readonly version: number) {
    super(
      "READ_SIDE_NOT_CAUGHT_UP",
      `read-side table set v${version} has not caught up with the log; catch it up, then switch`,
    );
  }
}

/** The active table set changed under a running projection (it then moves to the new one). */
export class ReadSideSwitched extends ReadSideError {
  override readonly code = "READ_SIDE_SWITCHED" as const;
  constructor(
    readonly from: number,
    readonly to: number | null,
  ) {
    super("READ_SIDE_SWITCHED", `the active read-side table set moved from v${from} to v${to ?? "none"}`);
  }
}

/** The active table set cannot be dropped. */
export class ReadSideVersionActive extends ReadSideError {
  override readonly code = "READ_SIDE_VERSION_ACTIVE" as const;
  constructor(readonly version: number) {
    super("READ_SIDE_VERSION_ACTIVE", `read-side table set v${version} is the active one and cannot be dropped`);
  }
}

/** A read-side row a query cannot use (missing, or not what the projection writes): what and where. */
export class ReadSideRowInvalid extends ReadSideError {
  override readonly code = "READ_SIDE_ROW_INVALID" as const;
  constructor(
    readonly row: string,
    readonly reason: string,
  ) {
    super("READ_SIDE_ROW_INVALID", `invalid ${row}: ${reason}`);
  }
}

export const isReadSideRowInvalid = (u: unknown): u is ReadSideRowInvalid => hasCode(u, "READ_SIDE_ROW_INVALID");
export const isReadSideNotCaughtUp = (u: unknown): u is ReadSideNotCaughtUp => hasCode(u, "READ_SIDE_NOT_CAUGHT_UP");
export const isReadSideSwitched = (u: unknown): u is ReadSideSwitched => hasCode(u, "READ_SIDE_SWITCHED");
export const isReadSideVersionActive = (u: unknown): u is ReadSideVersionActive =>
  hasCode(u, "READ_SIDE_VERSION_ACTIVE");

/** Text a query compares with stored text: refused (`INVALID_STORE_INPUT`) when no store could hold it. */
export const validateText = (value: string, path: string): InvalidStoreInput | undefined => {
  const reason = unstorableText(value);
  return reason === undefined ? undefined : new InvalidStoreInput(path, reason);
};
