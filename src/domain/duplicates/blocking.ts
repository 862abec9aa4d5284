import type { Prepared } from './fields.js';
import { rememberPairs } from './memo.js';
import { givenInitials, type NameForms } from './names.js';


/** What the create/edit check looks candidates up by; each record type turns it into an indexed query. */
export interface BlockingKeys {
  emails: string[];
  phones: string[];
  domains: string[];
  /** Normalised family names (with transliterations) and the first letters of the given name's forms. */
  lastNames: string[];
  initials: string[];
  /** Normalised organisation names (with transliterations, with and without a legal suffix). */
  orgNames: string[];
  birthdays: string[];
}

const orgSuffixes = ['', ' ltd', ' inc', ' בעמ', ' llc'];

export function checkKeys(p: Prepared): BlockingKeys {
  return {
    emails: [...p.emails],
    phones: [...p.phones],
    domains: [...p.domains],
    lastNames: p.last && p.first ? [...p.last.forms, ...p.last.guesses] : [],
    initials: [...givenInitials(p.first)],
    orgNames: p.org ? p.org.forms.flatMap((f) => orgSuffixes.map((s) => f + s)) : [],
    birthdays: p.birthday ? [p.birthday] : [],
  };
}

/**
 * The keys a workspace scan groups records by (two records sharing one are compared): the check's keys,
 * made symmetric (both sides expanded), with a birthday narrowed by a given-name initial so that one
 * day's block stays small at a million records.
 */
export function scanKeys(p: Prepared): string[] {
  const k = checkKeys(p);
  const lastInitials = givenInitials(p.last);
  const place = p.postalCode ?? p.city?.text;
  const keys = [
    ...k.emails.map((e) => `e:${e}`),
    ...k.phones.map((x) => `p:${x}`),
    ...k.domains.map((d) => `d:${d}`),
    ...(p.org?.forms ?? []).map((o) => `o:${o}`),
    ...(p.first && p.last ? nameKeys(p.first, p.last) : []),
    ...k.birthdays.flatMap((b) => [...k.initials, ...lastInitials].map((i) => `b:${b}|${i}`)),
    ...(p.street && place ? [`a:${p.street.replaceAll(' ', '')}|${place}`] : []),
  ];
  if (p.nationalId) keys.push(`i:${p.nationalId}`);
  return keys;
}

/**
 * The narrower keys a record is given in a scan block too big to compare as one (a common name and
 * initial at a million records): evidence that, with the name, makes a pair likely — the street (the
 * address key also needs the same city, written the same way: תל אביב ≠ Tel Aviv there), a company.
 * Not the birth year: on the Hebrew set at 100k it found no true pair and 1,578 namesakes.
 */
export function splitKeys(p: Prepared): string[] {
  return [...(p.street ? [`s:${p.street.replaceAll(' ', '')}`] : []), ...[...p.companies].map((c) => `c:${c}`)];
}

// A full name's keys are the same strings for every record of that name (a scan has many): made once.
const nameKeys = rememberPairs(200_000, (first: NameForms, last: NameForms): readonly string[] => {
  const initials = givenInitials(first);
  const lastInitials = givenInitials(last);
  return [
    ...[...last.forms, ...last.guesses].flatMap((l) => initials.map((i) => `n:${l}|${i}`)),
    // Given and family name swapped (a form filled in the wrong order).
    ...[...first.forms, ...first.guesses].flatMap((f) => lastInitials.map((i) => `n:${f}|${i}`)),
  ];
});
