/**
 * Seeded randomness for synthetic workloads: a small PRNG (mulberry32), so the same seed gives
 * the same week of tickets on every machine, and the distributions people's response times
 * follow — fixed, uniform, exponential, log-normal (most answers quick, a long tail).
 */
import { type Duration, MINUTE } from "@ticketfold/core";
import { duration } from "../time/when.js";

/** A uniform number in [0, 1). */
export type Random = () => number;

/** mulberry32: 32 bits of state, good enough to draw a workload, and the same everywhere. */
export const seededRandom = (seed: number): Random => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

type Time = Duration | string;

/** How long something takes: durations as milliseconds or as policies write them (`"2h"`). */
export type Distribution =
  | { readonly fixed: Time }
  | { readonly uniform: readonly [min: Time, max: Time] }
  | { readonly exponential: { readonly mean: Time } }
  /** Half of the times are below `median`; `spread` (> 1) is how far the long tail reaches (1.5 ≈ a quarter take 1.5× the median or more). */
  | { readonly logNormal: { readonly median: Time; readonly spread: number } };

/** A standard normal number (Box–Muller). */
const normal = (random: Random): number => {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
};

/** A duration drawn from `d`, whole minutes (the workload's resolution). */
export const sampleDuration = (d: Distribution, random: Random): Duration => {
  const ms = (() => {
    if ("fixed" in d) return duration(d.fixed);
    if ("uniform" in d) {
      const [lo, hi] = d.uniform.map(duration) as [number, number];
      return lo + random() * (hi - lo);
    }
    if ("exponential" in d) return -Math.log(Math.max(1 - random(), Number.EPSILON)) * duration(d.exponential.mean);
    const sigma = Math.log(Math.max(1.000001, d.logNormal.spread)) / 0.6745;
    return duration(d.logNormal.median) * Math.exp(sigma * normal(random));
  })();
  return Math.max(MINUTE, Math.round(ms / MINUTE) * MINUTE);
};

/** How many events in an hour at `rate` per hour (Poisson, by Knuth's method: rates here are small). */
export const poisson = (rate: number, random: Random): number => {
  if (rate <= 0) return 0;
  const limit = Math.exp(-Math.min(rate, 500));
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
};

/** One of `weights`' keys, in proportion to its weight. */
export const pick = <K extends string>(weights: Readonly<Record<K, number>>, random: Random): K => {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((s, [, w]) => s + Math.max(0, w), 0);
  let r = random() * total;
  for (const [k, w] of entries) {
    r -= Math.max(0, w);
    if (r < 0) return k;
  }
  return (entries[entries.length - 1] as [K, number])[0];
};
