import type { DuplicateRule } from './schema.js';

/**
 * Fellegi–Sunter: each comparison level has m = P(level | same person) and u = P(level | different
 * people); its evidence is log2(m/u) bits, summed over the rules with the prior log-odds of a pair being
 * one person, and turned into a probability. The m and u below are estimates: u from how often random
 * pairs agree (email and phone almost never, a city often), m from how often true duplicates agree in
 * the Febrl and Hebrew sets (bench/febrl.ts, bench/hebrew-dupes.ts print the scores they give).
 */
const bits = (m: number, u: number) => Math.log2(m / u);

export const levelBits = {
  email: { agree: bits(0.85, 1e-4), disagree: bits(0.15, 0.9999) },
  phone: { agree: bits(0.8, 5e-4), disagree: bits(0.2, 0.9995) },
  domain: { agree: bits(0.8, 5e-4), disagree: bits(0.2, 0.9995) },
  lastName: { agree: bits(0.9, 0.01), similar: bits(0.07, 0.01), disagree: bits(0.03, 0.98) },
  firstName: { agree: bits(0.88, 0.02), similar: bits(0.1, 0.02), disagree: bits(0.008, 0.96) },
  orgName: { agree: bits(0.9, 0.001), similar: bits(0.08, 0.005), disagree: bits(0.02, 0.99) },
  company: { agree: bits(0.7, 0.01), disagree: bits(0.3, 0.99) },
  street: { agree: bits(0.7, 0.002), similar: bits(0.15, 0.005), disagree: bits(0.15, 0.99) },
  city: { agree: bits(0.85, 0.05), disagree: bits(0.15, 0.95) },
  birthday: { agree: bits(0.9, 1 / 20000), near: bits(0.06, 0.001), disagree: bits(0.04, 0.999) },
  nationalId: { agree: bits(0.95, 1e-6), near: bits(0.03, 6e-6), disagree: bits(0.02, 1) },
} as const;

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
