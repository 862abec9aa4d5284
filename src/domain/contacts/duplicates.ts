import { or, sql } from 'drizzle-orm';
import { anyOf, listValues, overlaps, textOf } from '../duplicates/declare.js';
import type { DuplicateDeclaration } from '../records/registry.js';
import { contacts as c } from './table.js';

/** A contact is matched by its names, emails, phones, companies, address and birthday (0009 indexes the lookups). */
export const contactDuplicates: DuplicateDeclaration = {
  columns: {
    firstName: c.firstName,
    lastName: c.lastName,
    emails: c.emails,
    phones: c.phones,
    companyId: c.companyId,
    street: c.street,
    city: c.city,
    postalCode: c.postalCode,
    birthday: c.birthday,
  },
  fields: (r) => ({
    firstName: textOf(r, 'firstName'),
    lastName: textOf(r, 'lastName'),
    emails: listValues(r, 'email', 'emails'),
    phones: listValues(r, 'phone', 'phones'),
    companyIds: [
      ...(typeof r.companyId === 'string' ? [r.companyId] : []),
      ...(Array.isArray(r.companies) ? (r.companies as { companyId: string }[]).map((l) => l.companyId) : []),
    ],
    street: textOf(r, 'street'),
    city: textOf(r, 'city'),
    postalCode: textOf(r, 'postalCode'),
    birthday: textOf(r, 'birthday'),
  }),
  subtitle: sql`coalesce(${c.email}, ${c.phone}, ${c.city})`,
  blocking: (k) =>
    or(
      overlaps(sql`dup_email_keys(${c.emails})`, k.emails),
      overlaps(sql`dup_phone_keys(${c.phones})`, k.phones),
      k.initials.length ? anyOf(sql`kesher_norm(${c.lastName})`, k.lastNames)?.append(sql` and ${anyOf(sql`left(kesher_norm(${c.firstName}), 1)`, k.initials)}`) : undefined,
      anyOf(sql`${c.birthday}::text`, k.birthdays),
    ),
};
