/**
 * Western Easter Sunday for the minute oracle and the random holiday rules, by Lichtenberg's
 * form of Gauss's rule (1997) — not the Meeus/Jones/Butcher algorithm the core uses
 * (`easter.ts`), so the oracle shares no arithmetic with the code it checks. Its test holds it
 * to Easter dates as published.
 */
import { Temporal } from "temporal-polyfill";

/** Easter Sunday of a Gregorian year. */
export const easterOf = (year: number): Temporal.PlainDate => {
  const k = Math.floor(year / 100);
  const m = 15 + Math.floor((3 * k + 3) / 4) - Math.floor((8 * k + 13) / 25);
  const s = 2 - Math.floor((3 * k + 3) / 4);
  const a = year % 19;
  const d = (19 * a + m) % 30;
  const r = Math.floor((d + Math.floor(a / 11)) / 29);
  const fullMoon = 21 + d - r;
  const firstSunday = 7 - ((year + Math.floor(year / 4) + s) % 7);
  const sunday = fullMoon + 7 - ((fullMoon - firstSunday) % 7);
  // `sunday` counts days of March: 32 is April 1.
  return Temporal.PlainDate.from({ year, month: 3, day: 1 }).add({ days: sunday - 1 });
};
