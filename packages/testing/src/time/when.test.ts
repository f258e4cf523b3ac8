/** Instants as tests write them, and as failure messages show them. */
import { describe, expect, it } from "vitest";
import { showDuration, showInstant } from "./display.js";
import { duration, instant } from "./when.js";

describe("instant", () => {
  it.each([
    ["2025-03-03T10:00Z", "UTC", "2025-03-03T10:00:00.000Z"],
    ["2025-03-03T11:00+01:00", "UTC", "2025-03-03T10:00:00.000Z"],
    ["2025-03-03T10:00:30.5Z", "UTC", "2025-03-03T10:00:30.500Z"],
    ["2025-03-03T10:00", "UTC", "2025-03-03T10:00:00.000Z"],
    ["Mon 2025-03-03 10:00", "Europe/Berlin", "2025-03-03T09:00:00.000Z"],
    ["2025-03-03 10:00 America/New_York", "UTC", "2025-03-03T15:00:00.000Z"],
    // Wall time in a spring-forward gap is the later instant, an ambiguous one the earlier (as calendars read them).
    ["2025-03-30 02:30", "Europe/Berlin", "2025-03-30T01:30:00.000Z"],
    ["2025-10-26 02:30", "Europe/Berlin", "2025-10-26T00:30:00.000Z"],
  ])("%s in %s is %s", (written, zone, iso) => {
    expect(new Date(instant(written, zone)).toISOString()).toBe(iso);
  });

  it("refuses a weekday that is not the date's, a date that does not exist, and text that is no instant", () => {
    expect(() => instant("Tue 2025-03-03 10:00")).toThrow("2025-03-03 is a Mon");
    expect(() => instant("2025-02-30T10:00Z")).toThrow("names no such date");
    expect(() => instant("next monday")).toThrow("write 2025-03-03T10:00Z");
    expect(() => instant("2025-03-03 10:00 Mars/Olympus")).toThrow("unknown time zone Mars/Olympus");
  });

  it("reads durations as policies write them, and negative ones", () => {
    expect([duration("1h30m"), duration("-2h"), duration(5)]).toEqual([90 * 60_000, -2 * 3_600_000, 5]);
    expect(() => duration("soon")).toThrow("not a duration");
  });
});

describe("showInstant", () => {
  it("shows the desk's wall time with the weekday, and UTC beside it", () => {
    const t = Date.UTC(2025, 2, 3, 9, 0);
    expect(showInstant(t, "Europe/Berlin")).toBe("Mon 2025-03-03 10:00 Europe/Berlin (09:00Z)");
    expect(showInstant(t)).toBe("Mon 2025-03-03 09:00Z");
    expect(showInstant(Date.UTC(2025, 2, 3, 23, 30), "Europe/Berlin")).toBe(
      "Tue 2025-03-04 00:30 Europe/Berlin (2025-03-03 23:30Z)",
    );
    expect(showInstant(t + 1_500, "UTC")).toBe("Mon 2025-03-03 09:00:01.500Z");
    expect([showInstant(null), showDuration(-3_600_000), showDuration(1)]).toEqual(["null", "-1h", "1 ms"]);
  });
});
