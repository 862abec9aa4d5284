import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Normalises any written phone number to E.164; numbers without a country code are taken as Israeli. */
export function normalisePhone(raw: string, defaultCountry: CountryCode = 'IL'): string | undefined {
  const phone = parsePhoneNumberFromString(raw, defaultCountry);
  return phone?.isValid() ? phone.number : undefined;
}
