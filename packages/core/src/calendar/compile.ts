/**
 * From a calendar definition to a `BusinessCalendar` value: `decodeCalendar` for JSON (errors
 * are values naming each bad path), `compileCalendar` for a definition already typed in code.
 */
import * as E from "fp-ts/lib/Either.js";
import { type DecodeError, decodeWith } from "../shared/decode.js";
import { type CalendarDef, CalendarDefC } from "./codec.js";
import { dayRules } from "./dayRules.js";
import { alwaysOpenCalendar } from "./twentyFourSeven.js";
import type { BusinessCalendar } from "./types.js";
import { weeklyCalendar } from "./weeklyCalendar.js";
import { canonicalTimeZone } from "./zone.js";

const decodeDef = decodeWith(CalendarDefC, "calendar");

const build = (def: CalendarDef): BusinessCalendar =>
  def.kind === "24x7"
    ? alwaysOpenCalendar(def.id, def.version ?? 1)
    : weeklyCalendar({
        id: def.id,
        version: def.version,
        timeZone: canonicalTimeZone(def.timeZone) ?? def.timeZone,
        rules: dayRules(def),
      });

/**
 * Compiles a definition. Years are compiled lazily on first use, so this is cheap. The
 * definition is checked with `CalendarDefC` first: an invalid one (possible only when built
 * in code, bypassing the codec) throws a RangeError listing the issues — use
 * `decodeCalendar` for input that may be wrong.
 */
export const compileCalendar = (def: CalendarDef): BusinessCalendar => {
  const checked = decodeDef(def);
  if (E.isLeft(checked)) throw new RangeError(checked.left.message);
  return build(checked.right);
};

/** Decodes a calendar from JSON and compiles it; the error names each bad path. */
export const decodeCalendar = (u: unknown): E.Either<DecodeError, BusinessCalendar> => E.map(build)(decodeDef(u));
