/**
 * Western Easter Sundays 2014–2028 as published (checked against python-dateutil's
 * `easter()`), for the minute oracle and the random rule generator. A table, not an
 * algorithm, so the oracle shares nothing with `easter.ts`.
 */
import { Temporal } from "temporal-polyfill";

const EASTER: Readonly<Record<number, string>> = {
  2014: "2014-04-20",
  2015: "2015-04-05",
  2016: "2016-03-27",
  2017: "2017-04-16",
  2018: "2018-04-01",
  2019: "2019-04-21",
  2020: "2020-04-12",
  2021: "2021-04-04",
  2022: "2022-04-17",
  2023: "2023-04-09",
  2024: "2024-03-31",
  2025: "2025-04-20",
  2026: "2026-04-05",
  2027: "2027-03-28",
  2028: "2028-04-16",
};

/** Easter Sunday of a year in the table; outside it the test's window is wrong, so it throws. */
export const easterOf = (year: number): Temporal.PlainDate => {
  const date = EASTER[year];
  if (date === undefined) throw new Error(`easter table: no entry for ${year}; widen the table`);
  return Temporal.PlainDate.from(date);
};
