/**
 * The instants a time zone changes its offset (DST starts and ends, and changes of standard
 * time), read from Temporal's zone data, so instants near them can be generated.
 */
import { Temporal } from "temporal-polyfill";

const cache = new Map<string, readonly number[]>();

/** Offset changes of `zone` from the start of `fromYear` to the end of `toYear`, in order (empty for UTC). */
export const zoneTransitions = (zone: string, fromYear: number, toYear: number): readonly number[] => {
  const key = `${zone}/${fromYear}/${toYear}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const out: number[] = [];
  let z: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({
    timeZone: zone,
    year: fromYear,
    month: 1,
    day: 1,
  });
  for (;;) {
    z = z.getTimeZoneTransition("next");
    if (z === null || z.year > toYear) break;
    out.push(z.epochMilliseconds);
  }
  cache.set(key, out);
  return out;
};
