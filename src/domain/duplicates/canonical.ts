import { normalisePhone } from '../contacts/phone.js';

const gmail = new Set(['gmail.com', 'googlemail.com']);

/**
 * The form two spellings of one mailbox share: trimmed, lower case, without a +tag; Gmail ignores
 * dots in the local part and googlemail.com is gmail.com. The SQL twin is dup_email_key() (0009).
 */
export function emailKey(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return null;
  let local = email.slice(0, at).split('+')[0]!;
  let domain = email.slice(at + 1);
  if (gmail.has(domain)) {
    local = local.replaceAll('.', '');
    domain = 'gmail.com';
  }
  return local ? `${local}@${domain}` : null;
}

/** A phone in E.164 (Israeli when it has no country code), or null when it is not a number. */
export const phoneKey = (raw: string): string | null => normalisePhone(raw) ?? null;

/** Digits only, for ids (ת.ז., social security) and postcodes; leading zeros of an Israeli id do not count. */
export const digitsKey = (raw: string): string | null => {
  const digits = raw.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length > 0 ? digits : null;
};

/** A web domain without scheme, www. and path: "https://www.Acme.co.il/about" → "acme.co.il". */
export function domainKey(raw: string): string | null {
  const domain = raw.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').split(/[/?#]/)[0]!;
  return domain.includes('.') ? domain : null;
}
