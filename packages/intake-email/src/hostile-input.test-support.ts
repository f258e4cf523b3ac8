/**
 * Test-only: hostile text for the linear-time tests, and a guard that stops a runaway
 * computation instead of waiting for it. A regular expression that backtracks blocks the
 * event loop, so a plain timer never fires; `node:vm`'s timeout interrupts the isolate, so a
 * test of a quadratic reader fails in bounded time instead of hanging the suite.
 */
import vm from "node:vm";
import fc from "fast-check";

/** Runs `work`; throws (`ERR_SCRIPT_EXECUTION_TIMEOUT`) if it computes for longer than `ms`. */
export const finishesWithin = <A>(ms: number, work: () => A): A =>
  vm.runInNewContext("work()", { work }, { timeout: ms }) as A;

/**
 * Pieces every pattern on mail text is built from: blanks of every kind (ASCII, no-break,
 * en/em/ideographic spaces, BOM, line and paragraph separators), line ends, colons, the key
 * field labels, the tag and message-id delimiters, quotes, dots, digits and letters.
 */
export const FRAGMENTS = [
  " ",
  "\t",
  "\n",
  "\r\n",
  "\r",
  ":",
  ": ",
  "Login:",
  "Priority:",
  "Priority: ",
  "Приоритет:",
  "\u00a0",
  "\u2003",
  "\u3000",
  "\ufeff",
  "\u2028",
  "\u2029",
  "\u000b",
  "[#",
  "]",
  "[# ",
  "1",
  "0",
  "<",
  ">",
  "<ticket.",
  "01JNQ4X8Z6VJ3C0A5T0H7YB2QK",
  "@",
  ".",
  '"',
  "x",
  "a",
  "Re: ",
  "Automatic reply",
  "Out of Office",
  "Автоматический ответ",
] as const;

/**
 * Text of exactly `length` characters (or up to it) made of long runs of the fragments:
 * a run is one fragment repeated up to the whole length, so runs of 100,000 spaces, colons or
 * `Priority:` prefixes occur, and so do random interleavings of short runs.
 */
export const hostileText = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .record({
      runs: fc.array(
        fc.record({
          fragment: fc.constantFrom(...FRAGMENTS),
          times: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: maxLength })),
        }),
        { minLength: 1, maxLength: 12 },
      ),
      length: fc.oneof(fc.constant(maxLength), fc.integer({ min: 1, max: maxLength })),
    })
    .map(({ runs, length }) => {
      let text = "";
      for (let i = 0; text.length < length; i++) {
        const run = runs[i % runs.length] as { fragment: string; times: number };
        text += run.fragment.repeat(Math.min(run.times, Math.ceil((length - text.length) / run.fragment.length)));
      }
      return text.slice(0, length);
    });
