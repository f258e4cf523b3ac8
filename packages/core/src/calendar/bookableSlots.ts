/**
 * Bookable working-session slots (P-A: an engineer offers 2:00, 2:30, 3:00 … that fit
 * entirely in open time). Slots start on the grid `from + k·step` and are kept when the whole
 * `[start, start + length)` is open time (touching intervals count as one) and ends by `to`.
 */
import type { Duration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import type { BusinessCalendar } from "./types.js";

export interface BookableSlot {
  readonly start: Instant;
  readonly end: Instant;
}

export const bookableSlots = (
  cal: BusinessCalendar,
  from: Instant,
  to: Instant,
  step: Duration,
  length: Duration,
): readonly BookableSlot[] => {
  if (!(step > 0) || !(length > 0)) {
    throw new RangeError(`bookable slots need a positive step and length (got step ${step}, length ${length})`);
  }
  const slots: BookableSlot[] = [];
  let k = 0;
  for (let start = from; start + length <= to; start = from + k * step) {
    if (!cal.isOpen(start)) {
      // Jump to the first grid point at or after the next opening instead of probing each.
      k = Math.max(k + 1, Math.ceil((cal.nextOpen(start) - from) / step));
      continue;
    }
    if (cal.between(start, start + length) === length) slots.push({ start, end: start + length });
    k++;
  }
  return slots;
};
