/**
 * The text a worker records for a failure: an error's `message` (an `Error`, a store error, a
 * domain error value), else the value as a string. Reports and attempt logs keep text, never
 * the thrown value itself.
 */
export const messageOf = (e: unknown): string =>
  typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string"
    ? (e as { message: string }).message
    : String(e);
