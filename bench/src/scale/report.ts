/**
 * How the ten-million benchmark prints a figure: each one is a measurement at a log size, with
 * its ratio against the same measurement's baseline in this run (the empty log, or the layout
 * before a change) and, where emmett-postgresql has the same rows, against emmett.
 */

export interface Figure {
  readonly metric: string;
  /** Where it was measured ("@ 2.5M events", "500k queue"). */
  readonly at: string;
  readonly ours: number;
  readonly unit: string;
  /** True when a bigger number is better. */
  readonly higherIsBetter: boolean;
  /** The same measurement at the baseline, and what the baseline is. */
  readonly baseline?: { readonly value: number; readonly label: string };
  /** emmett-postgresql's figure on the same rows. */
  readonly theirs?: number;
}

export const fmt = (n: number): string =>
  n >= 100 ? Math.round(n).toLocaleString("en") : n >= 10 ? n.toFixed(1) : n.toFixed(2);

const ratio = (ours: number, other: number, higherIsBetter: boolean): string =>
  `${(higherIsBetter ? ours / other : other / ours).toFixed(2)}×`;

/** One line per figure; ratios > 1 mean "better than" the baseline or emmett. */
export const line = (f: Figure): string => {
  const parts = [`scale: ${f.metric} ${f.at}: ${fmt(f.ours)} ${f.unit}`];
  if (f.baseline)
    parts.push(`vs ${f.baseline.label} ${fmt(f.baseline.value)}: ${ratio(f.ours, f.baseline.value, f.higherIsBetter)}`);
  if (f.theirs !== undefined) parts.push(`emmett ${fmt(f.theirs)}: ${ratio(f.ours, f.theirs, f.higherIsBetter)}`);
  return parts.join("; ");
};

export const quantile = (xs: readonly number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
};

/** Millions with one decimal ("2.5M"), thousands as "k". */
export const count = (n: number): string =>
  n >= 1_000_000
    ? `${(n / 1_000_000).toFixed(n % 1_000_000 === 0 ? 0 : 1)}M`
    : n >= 1000
      ? `${Math.round(n / 1000)}k`
      : `${n}`;
