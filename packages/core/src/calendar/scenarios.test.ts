import { describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "../shared/duration.js";
import { compileCalendar } from "./compile.js";
import { at, iso, weekdays } from "./fixtures.test-support.js";

describe("public scenarios (docs/design/sla-semantics.md#public-scenarios S1, S2, S6, S7, S8)", () => {
  it("S1: Mon–Fri 08–17 UTC — Fri 21:00 to Mon 09:30 is 1h30m; Fri 21:00 + 8h is Mon 16:00", () => {
    const cal = weekdays("UTC", [["08:00", "17:00"]]);
    expect(cal.between(at("2014-12-12T21:00"), at("2014-12-15T09:30"))).toBe(HOUR + 30 * MINUTE);
    expect(iso(cal.add(at("2014-12-12T21:00"), 8 * HOUR))).toBe("2014-12-15T16:00:00.000Z");
  });

  it("S2: Mon–Fri 09–17 — Mon 2015-01-05 09:00 + 24h is Wed 17:00 (the end of the interval, not Thu 09:00)", () => {
    const cal = weekdays("UTC", [["09:00", "17:00"]]);
    expect(iso(cal.add(at("2015-01-05T09:00"), 24 * HOUR))).toBe("2015-01-07T17:00:00.000Z");
  });

  it("S6: Mon–Fri 09–12 + 13–17 UTC — Mon 11:00 + 3h is Mon 15:00 (lunch does not count)", () => {
    const cal = weekdays("UTC", [
      ["09:00", "12:00"],
      ["13:00", "17:00"],
    ]);
    expect(iso(cal.add(at("2025-03-03T11:00"), 3 * HOUR))).toBe("2025-03-03T15:00:00.000Z");
  });

  it("S7: Mon–Fri 09–17, holiday 2024-12-25 — Tue 2024-12-24 15:00 + 8h is Thu 2024-12-26 15:00", () => {
    const cal = weekdays("UTC", [["09:00", "17:00"]], { holidays: ["2024-12-25"] });
    expect(iso(cal.add(at("2024-12-24T15:00"), 8 * HOUR))).toBe("2024-12-26T15:00:00.000Z");
  });

  it("S8: Europe/Berlin Sat+Sun 00:00–24:00 — 2023-03-25 22:00Z to 03-26 04:00Z is 6h across spring forward", () => {
    const cal = compileCalendar({
      id: "weekend",
      version: 1,
      timeZone: "Europe/Berlin",
      week: { sat: [["00:00", "24:00"]], sun: [["00:00", "24:00"]] },
    });
    expect(cal.between(at("2023-03-25T22:00"), at("2023-03-26T04:00"))).toBe(6 * HOUR);
  });
});
