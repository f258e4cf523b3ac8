/**
 * Everyone the bench asks: ours, then the business-time libraries a TypeScript developer picks,
 * each given our calendar definition as far as it can express it (one file per library). All
 * of them keep their hours in global state (a moment or dayjs locale, one `opening_hours`
 * value), so `configure` switches the calendar they compute with. Without a zone plugin they
 * read wall times in the process time zone; the `+ …timezone` entries hand them zoned values.
 */
import { type BusinessCalendar, compileCalendar } from "@ticketfold/core";
import { type Contender, MINUTE, OURS } from "./contender.js";
import { dayjsBusinessTime } from "./dayjs.js";
import { momentBusinessTime } from "./moment.js";
import { openingHours } from "./opening-hours.js";

/** Ours, behind the same shape, so every table asks it the same questions. */
const ticketfold = (): Contender => {
  let cal: BusinessCalendar | undefined;
  return {
    name: OURS,
    configure: (def) => {
      cal = compileCalendar(def);
    },
    add: (t, minutes) => cal!.add(t, minutes * MINUTE),
    between: (a, b) => cal!.between(a, b),
  };
};

export const contenders: readonly Contender[] = [
  ticketfold(),
  momentBusinessTime(false),
  momentBusinessTime(true),
  dayjsBusinessTime(false),
  dayjsBusinessTime(true),
  openingHours(),
];
