/**
 * Errors found when compiling a policy's SLA part: a calendar name that the policy does not
 * define, or a value that decodes but makes no sense (a target for a priority that is not on
 * the scale, a warning at 150 %). Values with a stable `code`, never thrown.
 */
import { hasCode } from "../shared/codes.js";

export type SlaPolicyError =
  | {
      readonly code: "UNKNOWN_CALENDAR";
      readonly calendar: string;
      /** Where the name was used: `sla.metrics.response.calendar`. */
      readonly path: string;
      readonly known: readonly string[];
      readonly message: string;
    }
  | { readonly code: "INVALID_SLA_POLICY"; readonly path: string; readonly message: string };

export const unknownCalendar = (calendar: string, path: string, known: readonly string[]): SlaPolicyError => ({
  code: "UNKNOWN_CALENDAR",
  calendar,
  path,
  known,
  message: `${path}: calendar "${calendar}" is not defined by the policy (known: ${known.join(", ")})`,
});

export const invalidSla = (path: string, message: string): SlaPolicyError => ({
  code: "INVALID_SLA_POLICY",
  path,
  message: `${path}: ${message}`,
});

/** Guard by code. */
export const isSlaPolicyError = (u: unknown): u is SlaPolicyError =>
  hasCode(u, "UNKNOWN_CALENDAR") || hasCode(u, "INVALID_SLA_POLICY");
