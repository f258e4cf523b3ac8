/**
 * Fast wall time → instant for a window of wall times (one compiled year). Away from offset
 * changes the mapping is `wall - offset` with one constant offset; within two days of a
 * change we ask Temporal, so gap and overlap resolution is exactly Temporal's "compatible"
 * (docs/design/sla-semantics.md#time). This keeps compiling a year to a handful of Temporal calls.
 */
import { DAY } from "../shared/duration.js";
import { offsetChanges, wallToInstant } from "./zone.js";

/** Maps wall times (local date-time as if UTC, ms) inside `[fromWall, toWall]` to instants. */
export type WallResolver = (wall: number) => number;

export const wallResolver = (zone: string, fromWall: number, toWall: number): WallResolver => {
  // Offsets are below one day, so the instant of wall `w` lies in (w - DAY, w + DAY).
  const { initial, changes } = offsetChanges(zone, fromWall - 3 * DAY, toWall + 3 * DAY);
  if (changes.length === 0) return (wall) => wall - initial;
  const at = changes.map((c) => c.at);
  const offsets = changes.map((c) => c.offset);
  return (wall) => {
    // The offset is constant on [wall - 2 DAY, wall + 2 DAY] when no change lies there.
    let k = 0;
    while (k < at.length && at[k]! < wall - 2 * DAY) k++;
    if (k < at.length && at[k]! <= wall + 2 * DAY) return wallToInstant(zone, wall);
    return wall - (k === 0 ? initial : offsets[k - 1]!);
  };
};
