import { or, sql } from 'drizzle-orm';
import { anyOf, listValues, overlaps, textOf } from '../duplicates/declare.js';
import type { DuplicateDeclaration } from '../records/registry.js';
import { companies as c } from './table.js';

/** A company is matched by its name, web domain, phones and address. */
export const companyDuplicates: DuplicateDeclaration = {
  columns: { name: c.name, domain: c.domain, phones: c.phones, street: c.street, city: c.city, postalCode: c.postalCode },
  fields: (r) => ({
    name: textOf(r, 'name'),
    domains: textOf(r, 'domain') ? [textOf(r, 'domain')!] : [],
    phones: listValues(r, 'phone', 'phones'),
    street: textOf(r, 'street'),
    city: textOf(r, 'city'),
    postalCode: textOf(r, 'postalCode'),
  }),
  subtitle: sql`coalesce(${c.domain}, ${c.phone}, ${c.city})`,
  blocking: (k) =>
    or(
      anyOf(sql`kesher_norm(${c.name})`, k.orgNames),
      // Domains are stored bare (the schema refuses a URL); www. is the one spelling left to try.
      anyOf(sql`lower(${c.domain})`, k.domains.flatMap((d) => [d, `www.${d}`])),
      overlaps(sql`dup_phone_keys(${c.phones})`, k.phones),
    ),
};
