import type { DuplicateRule } from './schema.js';

/**
 * Fellegi–Sunter: each comparison level has m = P(level | same person) and u = P(level | different
 * people); its evidence is log2(m/u) bits, summed over the rules with the prior log-odds of a pair being
 * one person, and turned into a probability. The values below are hand-set: u from how often random
 * pairs agree (email and phone almost never, a city often), m from how often copies agree. A workspace
 * scan replaces them with estimates from the workspace's own records (estimate.ts); the create/edit
 * check, which sees a few candidates only, keeps these.
 */
export const levels = {
  email: { agree: [0.85, 1e-4], disagree: [0.15, 0.9999] },
  phone: { agree: [0.8, 5e-4], disagree: [0.2, 0.9995] },
  domain: { agree: [0.8, 5e-4], disagree: [0.2, 0.9995] },
  lastName: { agree: [0.9, 0.01], similar: [0.07, 0.01], disagree: [0.03, 0.98] },
  firstName: { agree: [0.88, 0.02], similar: [0.1, 0.02], disagree: [0.008, 0.96] },
  orgName: { agree: [0.9, 0.001], similar: [0.08, 0.005], disagree: [0.02, 0.99] },
  company: { agree: [0.7, 0.01], disagree: [0.3, 0.99] },
  street: { agree: [0.7, 0.002], similar: [0.15, 0.005], disagree: [0.15, 0.99] },
  city: { agree: [0.85, 0.05], disagree: [0.15, 0.95] },
  birthday: { agree: [0.9, 1 / 20000], near: [0.06, 0.001], disagree: [0.04, 0.999] },
  nationalId: { agree: [0.95, 1e-6], near: [0.03, 6e-6], disagree: [0.02, 1] },
} as const satisfies Record<string, Partial<Record<Level, readonly [m: number, u: number]>>>;

export type Level = 'agree' | 'similar' | 'near' | 'disagree';
export type Field = keyof typeof levels;
/** m and u of each level of each compared field. */
export type LevelProbabilities = { [F in Field]: { [L in keyof (typeof levels)[F]]: readonly [m: number, u: number] } };
export type LevelBits = { [F in Field]: { [L in keyof (typeof levels)[F]]: number } };

export function bitsOf(probabilities: LevelProbabilities): LevelBits {
  const table = {} as Record<string, Record<string, number>>;
  for (const [field, byLevel] of Object.entries(probabilities)) {
    table[field] = Object.fromEntries(Object.entries(byLevel).map(([level, [m, u]]) => [level, Math.log2(m / u)]));
  }
  return table as LevelBits;
}

export const levelBits = bitsOf(levels);

/** The default weight of a rule: its bits when it fully agrees (a workspace's weight scales the rule). */
export const defaultWeights: Record<DuplicateRule, number> = {
  email: round(levelBits.email.agree),
  phone: round(levelBits.phone.agree),
  domain: round(levelBits.domain.agree),
  name: round(levelBits.firstName.agree + levelBits.lastName.agree),
  company: round(levelBits.company.agree),
  address: round(levelBits.street.agree + levelBits.city.agree),
  birthday: round(levelBits.birthday.agree),
  nationalId: round(levelBits.nationalId.agree),
};
/** Organisations have one name: its weight is the org-name level's. */
export const defaultOrgNameWeight = round(levelBits.orgName.agree);

/** Prior log-odds that two records of a workspace are one person: about 1 in 16,000. */
export const priorBits = -14;
/** Organisations: a workspace has a few times fewer companies than contacts, so two are likelier one. */
export const orgPriorBits = -12;

function round(x: number) {
  return Math.round(x * 10) / 10;
}
