import {
  consentsSchema,
  eraseResultSchema,
  eraseSchema,
  privacySettingsSchema,
  recordConsentSchema,
  updatePrivacySettingsSchema,
  type RecordConsentInput,
  type UpdatePrivacySettingsInput,
} from '../../../../src/domain/privacy/schema.js';
import { request } from '../../app/api.js';

export { consentChannels, consentStatuses, consentMethods, retentionActions } from '../../../../src/domain/privacy/schema.js';
export type { Consent, Consents, PrivacySettings, RecordConsentInput } from '../../../../src/domain/privacy/schema.js';

export const privacyKeys = {
  consents: (contactId: string) => ['privacy', 'consents', contactId] as const,
  settings: ['privacy', 'settings'] as const,
};

export const fetchConsents = (contactId: string, signal?: AbortSignal) => request(`/api/contacts/${contactId}/consents`, { schema: consentsSchema, signal });

export const postConsent = (contactId: string, body: RecordConsentInput) =>
  request(`/api/contacts/${contactId}/consents`, { method: 'POST', body, bodySchema: recordConsentSchema, schema: consentsSchema });

export const eraseContact = (contactId: string, confirm: string) =>
  request(`/api/contacts/${contactId}/erase`, { method: 'POST', body: { confirm }, bodySchema: eraseSchema, schema: eraseResultSchema });

export const exportHtmlUrl = (contactId: string, lang: string) => `/api/contacts/${contactId}/privacy-export?format=html&lang=${lang === 'en' ? 'en' : 'he'}`;

/** Downloads the JSON export as a file (the browser keeps it; nothing stays in the page). */
export async function downloadExportJson(contactId: string) {
  const response = await fetch(`/api/contacts/${contactId}/privacy-export?format=json`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(response.statusText);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `kesher-contact-${contactId}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export const fetchPrivacySettings = (signal?: AbortSignal) => request('/api/workspace/privacy-settings', { schema: privacySettingsSchema, signal });

export const savePrivacySettings = (body: UpdatePrivacySettingsInput) =>
  request('/api/workspace/privacy-settings', { method: 'PUT', body, bodySchema: updatePrivacySettingsSchema, schema: privacySettingsSchema });
