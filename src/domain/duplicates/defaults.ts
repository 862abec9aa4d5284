import type { MatchSettings } from './matcher.js';
import type { DuplicateRule, DuplicateType } from './schema.js';
import { defaultOrgNameWeight, defaultWeights } from './weights.js';

/** The rules each record type is matched by, in the order the admin screen lists them. */
export const rulesOf: Record<DuplicateType, readonly DuplicateRule[]> = {
  contact: ['email', 'phone', 'name', 'company', 'address', 'birthday', 'nationalId'],
  company: ['name', 'domain', 'phone', 'address'],
};

/**
 * Default thresholds, chosen on the Febrl and Hebrew sets with hand-set parameters (bench/RESULTS.md,
 * "Duplicates"), and kept when the scan learnt its parameters: a probability means the same whatever
 * the workspace. At blockAt a create is refused only when the evidence is overwhelming (same email or
 * phone and a matching name; name, birthday and address).
 */
export const defaultThresholds = { blockAt: 0.99, warnAt: 0.9 } as const;

export function defaultRules(type: DuplicateType) {
  return rulesOf[type].map((rule) => ({
    rule,
    enabled: true,
    weight: type === 'company' && rule === 'name' ? defaultOrgNameWeight : defaultWeights[rule],
  }));
}

export function settingsOf(rules: readonly { rule: DuplicateRule; enabled: boolean; weight: number }[]): MatchSettings {
  return { rules: new Map(rules.map((r) => [r.rule, { enabled: r.enabled, weight: r.weight }])) };
}
