import { digitsKey, domainKey, emailKey, phoneKey } from './canonical.js';
import { nameForms, type NameForms } from './names.js';
import { normaliseText } from '../search/normalise.js';

/** What the matcher reads of a record, whatever its type (a record type's declaration fills it). */
export interface MatchFields {
  /** A person's given and family names; an organisation has only `name`. */
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  emails?: readonly string[];
  phones?: readonly string[];
  domains?: readonly string[];
  companyIds?: readonly string[];
  companyNames?: readonly string[];
  street?: string | null;
  city?: string | null;
  postalCode?: string | null;
  /** YYYY-MM-DD. */
  birthday?: string | null;
  nationalId?: string | null;
}

/** MatchFields in compared form, computed once per record (a scan compares each record many times). */
export interface Prepared {
  first: NameForms | null;
  last: NameForms | null;
  org: NameForms | null;
  emails: Set<string>;
  phones: Set<string>;
  domains: Set<string>;
  companies: Set<string>;
  companyNames: Set<string>;
  street: string | null;
  /** A city is compared like a name: חיפה = Haifa. */
  city: NameForms | null;
  postalCode: string | null;
  birthday: string | null;
  nationalId: string | null;
}

// Most records have no domain, company or second email: they share one empty set (a million empty
// sets are ~100 MB of a scan's heap). Nothing writes to a prepared record's sets.
const none = new Set<string>();
const keys = (values: readonly string[] | undefined, key: (v: string) => string | null): Set<string> => {
  if (!values || values.length === 0) return none;
  const found = new Set<string>();
  for (const v of values) {
    const k = key(v);
    if (k !== null) found.add(k);
  }
  return found.size ? found : none;
};
const text = (v: string | null | undefined) => normaliseText(v ?? '') || null;

export function prepare(fields: MatchFields): Prepared {
  return {
    first: nameForms(fields.firstName, { given: true }),
    last: nameForms(fields.lastName),
    org: nameForms(fields.name, { company: true }),
    emails: keys(fields.emails, emailKey),
    phones: keys(fields.phones, phoneKey),
    domains: keys(fields.domains, domainKey),
    companies: keys(fields.companyIds, (v) => v),
    companyNames: keys(fields.companyNames, (v) => text(v)),
    street: text(fields.street),
    city: nameForms(fields.city),
    postalCode: fields.postalCode ? digitsKey(fields.postalCode) ?? text(fields.postalCode) : null,
    birthday: fields.birthday?.slice(0, 10) || null,
    nationalId: fields.nationalId ? digitsKey(fields.nationalId) : null,
  };
}
