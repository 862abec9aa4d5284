import type { LabelledValue } from '../records/columns.js';

/** What identifies a person in free text: their names, emails and phones. */
export interface Identifiers {
  names: string[];
  emails: string[];
  /** E.164 as stored ("+972525551234"). */
  phones: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A phone in any way people write it: "+972 52-555-1234", "052 5551234", "972525551234": the
 * national digits with any separators, after an optional country code or trunk 0.
 */
function phonePattern(e164: string): string | null {
  const digits = e164.replace(/\D/g, '');
  if (digits.length < 6) return null;
  const national = digits.startsWith('972') ? digits.slice(3) : digits;
  const spaced = national.split('').map(escape).join('[\\s\\-.()]*');
  return digits.startsWith('972') ? `(?:\\+?\\s*972[\\s\\-.()]*|0)?${spaced}` : `\\+?${spaced}`;
}

/** Identifiers of a contact row: the full name, each name of two letters or more, every email and phone. */
export function identifiersOf(row: { firstName: string; lastName: string; email: string | null; emails: LabelledValue[]; phone: string | null; phones: LabelledValue[] }): Identifiers {
  const full = `${row.firstName} ${row.lastName}`.trim();
  const parts = full.split(/\s+/).filter((p) => p.length >= 2);
  const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];
  return {
    names: unique([full, ...parts]).sort((a, b) => b.length - a.length),
    emails: unique([row.email, ...row.emails.map((e) => e.value)]),
    phones: unique([row.phone, ...row.phones.map((p) => p.value)]),
  };
}

/** A scrubber that replaces every identifier in text (case-insensitive) by the pseudonym, or null when there is none. */
export function scrubberFor(ids: Identifiers, pseudonym: string): (text: string) => string {
  const patterns = [...ids.emails.map(escape), ...ids.phones.map(phonePattern).filter((p): p is string => !!p), ...ids.names.map(escape)];
  if (patterns.length === 0) return (text) => text;
  const regex = new RegExp(patterns.join('|'), 'giu');
  return (text) => text.replace(regex, pseudonym);
}

/** Every string inside a JSON value passed through `scrub`; the keys in `erasedFields` of a {field, old, new} change are nulled. */
export function scrubJson(value: unknown, scrub: (text: string) => string, erasedFields: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, scrub, erasedFields));
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (typeof object.field === 'string' && erasedFields.has(object.field) && 'old' in object) {
      return { ...object, old: null, new: null };
    }
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, scrubJson(v, scrub, erasedFields)]));
  }
  return value;
}
