/**
 * Errors in Ticketfold are recognised by their stable `code`, never by `instanceof`: an app
 * may load both the ESM and the CJS build of a package, and a class from one is not the class
 * from the other.
 */
export const hasCode = (u: unknown, code: string): boolean =>
  typeof u === "object" && u !== null && (u as { code?: unknown }).code === code;
