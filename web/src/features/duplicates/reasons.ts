import type { Reason } from './api.js';

/** The matcher's rules that have words of their own; another rule is said as "another match". */
export const knownRules = ['email', 'phone', 'name', 'company', 'address', 'city', 'birthday', 'nationalId', 'domain'] as const;
export type KnownRule = (typeof knownRules)[number];

const isKnown = (rule: string): rule is KnownRule => (knownRules as readonly string[]).includes(rule);

/** The i18n key of a reason ("same email", "similar name", …). */
export const reasonKey = (rule: string) => (isKnown(rule) ? (`duplicates.reasons.${rule}` as const) : ('duplicates.reasons.other' as const));

/** How sure a match is, in words: a candidate says it by its level, a scanned group by its score. */
export type Likelihood = 'likely' | 'possible';
export const likelihoodOf = (match: { score: number; level?: 'block' | 'warn' }): Likelihood =>
  (match.level ? match.level === 'block' : match.score >= 0.85) ? 'likely' : 'possible';

/** The percentage shown beside the words, for those who compare; rounded down, so only a certain match says 100%. */
export const percentOf = (score: number) => Math.floor(Math.min(1, Math.max(0, score)) * 100);

/** One line per rule across several pairs (a group), strongest first; the first detail of each rule is kept. */
export function mergeReasons(lists: readonly (readonly Reason[])[]): Reason[] {
  const byRule = new Map<string, Reason>();
  for (const reason of lists.flat()) {
    const seen = byRule.get(reason.rule);
    if (!seen) byRule.set(reason.rule, reason);
    else if ((reason.weight ?? 0) > (seen.weight ?? 0)) byRule.set(reason.rule, { ...reason, detail: seen.detail ?? reason.detail });
  }
  return [...byRule.values()].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
}
