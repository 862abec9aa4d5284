import { request } from '../../app/api.js';
import { allowQuery } from '../duplicates/index.js';
import { createRecord } from '../records/index.js';
import { filledPoints } from '../records/ContactPointsInput.js';
import type { ContactFormValues } from './ContactForm.js';

/** The POST body of the contract for what the form holds; companies with roles follow with PUT …/companies. */
export function contactBody(values: ContactFormValues) {
  const links = values.companies.filter((l) => l.companyId);
  const primary = links.find((l) => l.isPrimary) ?? links[0];
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    type: values.type,
    stage: values.stage,
    ownerId: values.ownerId,
    tags: values.tags,
    emails: filledPoints(values.emails),
    phones: filledPoints(values.phones),
    companyId: primary?.companyId ?? null,
  };
}

/** Creates the contact (despite likely duplicates when `allow`), then links its companies with their roles. */
export async function createContact(values: ContactFormValues, allow = false) {
  const contact = await createRecord('contacts', contactBody(values), allowQuery(allow));
  const links = values.companies.filter((l) => l.companyId);
  if (links.some((l) => l.role.trim()) || links.length > 1) {
    const primary = links.find((l) => l.isPrimary) ?? links[0];
    await request(`/api/contacts/${contact.id}/companies`, {
      method: 'PUT',
      body: links.map((l) => ({ companyId: l.companyId, role: l.role.trim() || null, isPrimary: l === primary })),
    });
  }
  return contact;
}
