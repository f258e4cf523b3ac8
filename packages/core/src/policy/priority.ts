/**
 * Priority scales are defined by each policy: names, order (first = most urgent) and a
 * default. Intake is lenient (a missing or malformed priority becomes the default, as P-C's
 * contract says); commands issued by staff are strict (an unknown priority is refused).
 */
import * as t from "io-ts";
import { guarded } from "../shared/decode.js";
import { NonEmptyTextC } from "../shared/ids.js";

export const PriorityLevelC = t.intersection([
  t.type({ id: NonEmptyTextC, name: NonEmptyTextC }),
  t.partial({ description: t.string }),
]);
export type PriorityLevel = t.TypeOf<typeof PriorityLevelC>;

/** Share of users affected → priority (P-A): over `aboveShare` (exclusive) wins the first rule. */
export const ImpactRulesC = t.type({
  singleUser: t.string,
  rules: t.array(t.type({ aboveShare: t.number, priority: t.string })),
  otherwise: t.string,
});
export type ImpactRules = t.TypeOf<typeof ImpactRulesC>;

export const PriorityScaleC = t.intersection([
  t.type({ levels: t.array(PriorityLevelC), default: t.string }),
  t.partial({ impact: ImpactRulesC }),
]);
// Its `decode` never throws: a getter or Proxy that throws is a failure (shared/decode.ts).
guarded(PriorityScaleC);
export type PriorityScale = t.TypeOf<typeof PriorityScaleC>;

/** Rank of a priority: 0 is the most urgent; `-1` when it is not on the scale. */
export const priorityRank = (scale: PriorityScale, id: string): number => scale.levels.findIndex((l) => l.id === id);

/** Finds the level whose id or name matches (case-insensitive, trimmed). */
export const findPriority = (scale: PriorityScale, raw: unknown): PriorityLevel | undefined => {
  if (typeof raw !== "string" && typeof raw !== "number") return undefined;
  const key = String(raw).trim().toLowerCase();
  if (key === "") return undefined;
  return scale.levels.find((l) => l.id.toLowerCase() === key) ?? scale.levels.find((l) => l.name.toLowerCase() === key);
};

/** Lenient intake: the matching level's id, or the scale's default when missing or malformed. */
export const resolvePriority = (
  scale: PriorityScale,
  raw: unknown,
): { readonly priority: string; readonly defaulted: boolean } => {
  const found = findPriority(scale, raw);
  return found ? { priority: found.id, defaulted: false } : { priority: scale.default, defaulted: true };
};

/**
 * Impact helper (P-A): `affected` of `total` users. A single affected user gets `singleUser`;
 * otherwise the first rule whose share is strictly exceeded wins; else `otherwise`.
 * Exactly 50% is "not over 50%": P-A's table says *over* half for Critical.
 */
export const priorityForImpact = (scale: PriorityScale, affected: number, total: number): string | undefined => {
  const impact = scale.impact;
  if (!impact || affected < 1 || total < 1) return undefined;
  if (affected === 1) return impact.singleUser;
  const share = Math.min(affected, total) / total;
  return impact.rules.find((r) => share > r.aboveShare)?.priority ?? impact.otherwise;
};
