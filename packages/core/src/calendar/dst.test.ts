/**
 * Daylight saving time (docs/design/sla-semantics.md#time): business time is real elapsed time, so a day across
 * a change is an hour shorter or longer; a nonexistent wall time (spring gap) resolves to the
 * later instant, an ambiguous one (fall back) to the earlier.
 */
import { describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "../shared/duration.js";
import { compileCalendar } from "./compile.js";
import { at, everyDay, iso } from "./fixtures.test-support.js";
import type { WallInterval } from "./intervalCodec.js";

const sundays = (timeZone: string, hours: readonly WallInterval[]) =>
  compileCalendar({ id: "sun", version: 1, timeZone, week: { sun: hours } });

describe("a business day across a DST change is one hour shorter or longer", () => {
  it.each([
    ["Europe/Berlin", "spring", "2024-03-30T23:00", "2024-03-31T22:00", 23 * HOUR],
    ["Europe/Berlin", "fall", "2024-10-26T22:00", "2024-10-27T23:00", 25 * HOUR],
    ["America/New_York", "spring", "2024-03-10T05:00", "2024-03-11T04:00", 23 * HOUR],
    ["America/New_York", "fall", "2024-11-03T04:00", "2024-11-04T05:00", 25 * HOUR],
    ["Australia/Sydney", "spring (October)", "2024-10-05T14:00", "2024-10-06T13:00", 23 * HOUR],
    ["Australia/Sydney", "fall (April)", "2024-04-06T13:00", "2024-04-07T14:00", 25 * HOUR],
  ])("%s %s: the whole local day 00:00–24:00 counts as its real length", (zone, _change, from, to, length) => {
    const cal = everyDay(zone, [["00:00", "24:00"]]);
    expect(cal.between(at(from), at(to))).toBe(length);
    expect(iso(cal.add(at(from), length))).toBe(iso(at(to)));
  });

  it.each([
    ["Europe/Berlin", "2024-03-31", "2024-03-30T23:00", 4 * HOUR],
    ["Europe/Berlin", "2024-10-27", "2024-10-26T22:00", 6 * HOUR],
    ["America/New_York", "2024-03-10", "2024-03-10T05:00", 4 * HOUR],
    ["America/New_York", "2024-11-03", "2024-11-03T04:00", 6 * HOUR],
  ])("%s %s: a Sunday shift 00:00–05:00 lasts its real elapsed time", (zone, _date, start, length) => {
    const cal = sundays(zone, [["00:00", "05:00"]]);
    expect(cal.nextOpen(at(start) - HOUR)).toBe(at(start));
    expect(cal.between(at(start), at(start) + 8 * HOUR)).toBe(length);
  });
});

describe("nonexistent wall times (spring-forward gap) resolve to the later instant", () => {
  it.each([
    // 02:30 does not exist: it is read as 03:30 summer time.
    ["Europe/Berlin", "2024-03-31T00:00", "2024-03-31T01:30", "2024-03-31T04:00"],
    ["America/New_York", "2024-03-10T05:00", "2024-03-10T07:30", "2024-03-10T10:00"],
  ])("%s: an interval [02:30, 06:00) on the change day opens at 03:30 local", (zone, before, opens, closes) => {
    const cal = sundays(zone, [["02:30", "06:00"]]);
    expect(iso(cal.nextOpen(at(before)))).toBe(iso(at(opens)));
    expect(cal.isOpen(at(opens) - MINUTE)).toBe(false);
    expect(cal.isOpen(at(opens))).toBe(true);
    expect(cal.between(at(before), at(closes) + HOUR)).toBe(at(closes) - at(opens));
  });

  it("Europe/Berlin: an interval inside the gap [02:00, 03:00) has no open time; the next Sunday's does", () => {
    const cal = sundays("Europe/Berlin", [["02:00", "03:00"]]);
    expect(cal.between(at("2024-03-30T12:00"), at("2024-04-01T00:00"))).toBe(0);
    expect(iso(cal.nextOpen(at("2024-03-30T12:00")))).toBe("2024-04-07T00:00:00.000Z");
  });

  it("Europe/Berlin: intervals resolved apart are united — [01:00, 02:30) + [03:00, 04:00) is 01:00 CET–04:00 CEST", () => {
    const cal = sundays("Europe/Berlin", [
      ["01:00", "02:30"],
      ["03:00", "04:00"],
    ]);
    // 02:30 is read as 03:30 CEST (01:30Z), past the 03:00 CEST (01:00Z) start of the second one.
    expect(cal.between(at("2024-03-30T12:00"), at("2024-03-31T12:00"))).toBe(2 * HOUR);
    expect(cal.isOpen(at("2024-03-31T01:15"))).toBe(true);
  });

  it("America/Sao_Paulo 2018-11-04: midnight does not exist, so a Sunday from 00:00 opens at 01:00 local", () => {
    const cal = sundays("America/Sao_Paulo", [["00:00", "02:00"]]);
    expect(iso(cal.nextOpen(at("2018-11-03T12:00")))).toBe("2018-11-04T03:00:00.000Z");
    expect(cal.between(at("2018-11-03T12:00"), at("2018-11-05T00:00"))).toBe(HOUR);
  });
});

describe("ambiguous wall times (fall back) resolve to the earlier instant", () => {
  it.each([
    // 02:30 happens twice; the first (summer time) is taken.
    ["Europe/Berlin", ["02:30", "06:00"] as const, "2024-10-26T12:00", "2024-10-27T00:30", 4 * HOUR + 30 * MINUTE],
    ["America/New_York", ["01:30", "06:00"] as const, "2024-11-02T12:00", "2024-11-03T05:30", 5 * HOUR + 30 * MINUTE],
  ])("%s: an interval %j on the change day opens at the first occurrence", (zone, hours, before, opens, length) => {
    const cal = sundays(zone, [hours]);
    expect(iso(cal.nextOpen(at(before)))).toBe(iso(at(opens)));
    expect(cal.between(at(before), at(opens) + 12 * HOUR)).toBe(length);
  });

  it("Europe/Berlin: an interval ending at an ambiguous time ends at its first occurrence", () => {
    const cal = sundays("Europe/Berlin", [["00:00", "02:30"]]);
    // 00:00 CEST = 22:00Z; 02:30 CEST = 00:30Z.
    expect(cal.between(at("2024-10-26T12:00"), at("2024-10-28T00:00"))).toBe(2 * HOUR + 30 * MINUTE);
    expect(iso(cal.add(at("2024-10-26T12:00"), 2 * HOUR + 30 * MINUTE))).toBe("2024-10-27T00:30:00.000Z");
  });
});
