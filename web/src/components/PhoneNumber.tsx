import { Anchor } from '@mantine/core';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { LtrText } from './LtrText.js';

/** Israeli numbers as Israelis write them (050-123-4567), others in international form. */
export function formatPhone(e164: string) {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  return phone.country === 'IL' ? phone.formatNational() : phone.formatInternational();
}

/** A phone that reads left to right inside Hebrew text and dials on a phone; E.164 in the tooltip. */
export function PhoneNumber({ e164 }: { e164: string }) {
  return (
    <Anchor href={`tel:${e164}`} title={e164} c="inherit" underline="hover">
      <LtrText>{formatPhone(e164)}</LtrText>
    </Anchor>
  );
}
