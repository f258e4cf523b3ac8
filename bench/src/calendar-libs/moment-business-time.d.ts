/**
 * Types for `moment-business-time` (it ships none): the two methods the bench calls, which the
 * package adds to every moment when it is imported.
 */
import "moment";

declare module "moment" {
  interface Moment {
    addWorkingTime(amount: number, unit: "minutes"): Moment;
    workingDiff(other: Moment, unit: "milliseconds"): number;
  }
}
