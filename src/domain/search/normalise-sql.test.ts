import { fakerEN, fakerHE } from '@faker-js/faker';
import { sql } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { queryRows } from '../../db/client.js';
import { useTestDb } from '../../test-support/db.js';
import { normaliseText } from './normalise.js';

const { db } = await useTestDb();

test('kesher_norm (SQL) and normaliseText (TS) agree on a corpus', async () => {
  fakerHE.seed(8);
  fakerEN.seed(8);
  const corpus = [
    'גֶּרְשׁוֹן', 'בְּרֵאשִׁ֖ית בָּרָ֣א', 'בית־לחם', 'א׀ב׃ג׆ד', 'ג׳ורג׳', "ג'ורג'", 'צה״ל', 'שָׁלוֹם', 'ﬠﬡﬢ', 'שׁ',
    'O’Brien', '“quoted”', 'Renée ÇELİK', 'ПЕТРОВ Ёжик', 'Ωmega', 'ﬁnance', '½ ²', '\u200Fשלום\u200E', '  a  b  ', '',
    'Dana.Levi+tag@Example.COM', '+972-54-765-1234', 'Æsir Łódź Øresund Straße', 'عَرَبِيّ',
  ];
  for (let i = 0; i < 150; i++) {
    corpus.push(fakerHE.person.fullName(), fakerEN.person.fullName(), fakerEN.internet.email(), fakerHE.company.name(), fakerHE.location.city());
  }
  const rows = await queryRows<{ n: string }>(
    db,
    sql`select kesher_norm(s) as n from unnest(${`{${corpus.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`}::text[]) with ordinality as t(s, i) order by i`,
  );
  expect(rows.map((r) => r.n)).toEqual(corpus.map(normaliseText));
});
