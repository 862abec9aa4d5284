/**
 * A seeded Israeli contact set with known duplicates, for bench/hebrew-dupes.ts: people written in Hebrew
 * or Latin letters, and copies of some of them as a second person would type them (the other script or
 * another spelling, a nickname, a typo, another phone format, gmail dots and +tags, a field left out).
 * Hard negatives too: relatives sharing the family name, address and home phone, and namesakes.
 */
import { random } from './generate.js';
import type { MatchFields } from '../src/domain/duplicates/matcher.js';

type Name = { he: string; latin: string[]; nick?: { he: string; latin: string[] } };
const firstNames: Name[] = [
  { he: 'יוסף', latin: ['Yosef', 'Yossef', 'Joseph'], nick: { he: 'יוסי', latin: ['Yossi', 'Yosi'] } },
  { he: 'משה', latin: ['Moshe'] },
  { he: 'דוד', latin: ['David'], nick: { he: 'דודו', latin: ['Dudu'] } },
  { he: 'אברהם', latin: ['Avraham', 'Abraham'], nick: { he: 'אבי', latin: ['Avi'] } },
  { he: 'מרדכי', latin: ['Mordechai'], nick: { he: 'מוטי', latin: ['Moti'] } },
  { he: 'יצחק', latin: ['Yitzhak', 'Itzhak', 'Yitzchak'], nick: { he: 'איציק', latin: ['Itzik'] } },
  { he: 'שמואל', latin: ['Shmuel', 'Samuel'], nick: { he: 'שמוליק', latin: ['Shmulik'] } },
  { he: 'בנימין', latin: ['Binyamin', 'Benjamin'], nick: { he: 'בני', latin: ['Beni', 'Benny'] } },
  { he: 'יהושע', latin: ['Yehoshua'], nick: { he: 'שוקי', latin: ['Shuki'] } },
  { he: 'יעקב', latin: ['Yaakov', 'Yakov', 'Jacob'], nick: { he: 'קובי', latin: ['Kobi'] } },
  { he: 'נועה', latin: ['Noa', 'Noah'] },
  { he: 'תמר', latin: ['Tamar'], nick: { he: 'תמי', latin: ['Tami'] } },
  { he: 'מיכל', latin: ['Michal'] },
  { he: 'יעל', latin: ['Yael'] },
  { he: 'שירה', latin: ['Shira'] },
  { he: 'רותם', latin: ['Rotem'] },
  { he: 'הילה', latin: ['Hila'] },
  { he: 'אורית', latin: ['Orit'] },
  { he: 'רבקה', latin: ['Rivka'], nick: { he: 'ריקי', latin: ['Riki'] } },
  { he: 'מרים', latin: ['Miriam'], nick: { he: 'מירי', latin: ['Miri'] } },
  { he: 'איתי', latin: ['Itai', 'Itay'] },
  { he: 'עומר', latin: ['Omer'] },
  { he: 'ליאור', latin: ['Lior'] },
  { he: 'אביגיל', latin: ['Avigail', 'Abigail'] },
];
const lastNames: { he: string; latin: string[] }[] = [
  { he: 'כהן', latin: ['Cohen', 'Kohen', 'Cohn'] },
  { he: 'לוי', latin: ['Levi', 'Levy'] },
  { he: 'מזרחי', latin: ['Mizrahi', 'Mizrachi'] },
  { he: 'פרץ', latin: ['Peretz', 'Perez'] },
  { he: 'ביטון', latin: ['Biton', 'Bitton'] },
  { he: 'דהן', latin: ['Dahan'] },
  { he: 'אברהם', latin: ['Avraham', 'Abraham'] },
  { he: 'פרידמן', latin: ['Friedman', 'Fridman'] },
  { he: 'מלכה', latin: ['Malka'] },
  { he: 'אזולאי', latin: ['Azoulay', 'Azulai'] },
  { he: 'כץ', latin: ['Katz', 'Kats'] },
  { he: 'גבאי', latin: ['Gabay', 'Gabai'] },
  { he: 'שפירא', latin: ['Shapira', 'Shapiro'] },
  { he: 'אשכנזי', latin: ['Ashkenazi'] },
  { he: 'חדד', latin: ['Hadad', 'Haddad'] },
  { he: 'עמר', latin: ['Amar'] },
  { he: 'אוחיון', latin: ['Ohayon'] },
  { he: 'רוזנברג', latin: ['Rosenberg'] },
  { he: 'סויסה', latin: ['Suissa'] },
  { he: 'אלון', latin: ['Alon'] },
  { he: 'בן דוד', latin: ['Ben David'] },
  { he: 'גולדשטיין', latin: ['Goldstein'] },
];
const cities = [
  ['תל אביב', 'Tel Aviv'],
  ['ירושלים', 'Jerusalem'],
  ['חיפה', 'Haifa'],
  ['באר שבע', 'Beer Sheva'],
  ['נתניה', 'Netanya'],
  ['רמת גן', 'Ramat Gan'],
  ['פתח תקווה', 'Petah Tikva'],
  ['אשדוד', 'Ashdod'],
];
const streets = ['הרצל', 'ויצמן', 'ז׳בוטינסקי', 'בן גוריון', 'רוטשילד', 'הנביאים', 'אלנבי', 'סוקולוב'];
const mailDomains = ['gmail.com', 'gmail.com', 'gmail.com', 'walla.co.il', 'hotmail.com', 'yahoo.com'];

export interface LabelledRecord {
  entity: number;
  fields: MatchFields;
}

export function generateHebrewSet(seed = 8, people = 5000): LabelledRecord[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
  const typo = (s: string) => {
    const chars = [...s];
    if (chars.length < 4) return s;
    const i = 1 + Math.floor(next() * (chars.length - 2));
    const kind = Math.floor(next() * 3);
    if (kind === 0) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
    else if (kind === 1) chars.splice(i, 1);
    else chars.splice(i, 0, chars[i]!);
    return chars.join('');
  };
  const phoneForms = (local: string) => [`0${local}`, `0${local.slice(0, 2)}-${local.slice(2)}`, `+972 ${local.slice(0, 2)} ${local.slice(2, 5)} ${local.slice(5)}`, `972${local}`, `0${local.slice(0, 2)}-${local.slice(2, 5)}-${local.slice(5)}`];

  const records: LabelledRecord[] = [];
  for (let entity = 0; entity < people; entity++) {
    const first = pick(firstNames);
    const last = pick(lastNames);
    const cityPair = pick(cities);
    const hebrew = chance(0.5);
    const mobile = `5${Math.floor(next() * 9)}${digits(7)}`;
    const latinFirst = first.latin[0]!.toLowerCase();
    const latinLast = last.latin[0]!.toLowerCase().replace(' ', '');
    // A mailbox is one person's: namesakes get another (the entity number stands for what people add).
    const email = `${latinFirst}.${latinLast}${entity}@${pick(mailDomains)}`;
    const street = `${pick(streets)} ${1 + Math.floor(next() * 120)}`;
    const birthday = chance(0.6) ? `19${50 + Math.floor(next() * 50)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}` : null;
    const original: MatchFields = {
      firstName: hebrew ? first.he : first.latin[0]!,
      lastName: hebrew ? last.he : last.latin[0]!,
      emails: chance(0.8) ? [email] : [],
      phones: chance(0.85) ? [phoneForms(mobile)[0]!] : [],
      street: chance(0.5) ? street : null,
      city: chance(0.8) ? (hebrew ? cityPair[0]! : cityPair[1]!) : null,
      birthday,
    };
    records.push({ entity, fields: original });

    // A copy typed by someone else: 30% of people have one, some two.
    const copies = chance(0.3) ? (chance(0.2) ? 2 : 1) : 0;
    for (let c = 0; c < copies; c++) {
      const script = chance(0.5) ? !hebrew : hebrew;
      const useNick = first.nick && chance(0.35);
      const firstForm = useNick ? (script ? first.nick!.he : pick(first.nick!.latin)) : script ? first.he : pick(first.latin);
      let lastForm = script ? last.he : pick(last.latin);
      let firstTyped = firstForm;
      if (chance(0.2)) lastForm = typo(lastForm);
      else if (chance(0.15)) firstTyped = typo(firstForm);
      const local = email.split('@')[0]!;
      const emailCopy = email.endsWith('@gmail.com') && chance(0.5) ? `${local.replace('.', '')}${chance(0.5) ? '+crm' : ''}@${chance(0.3) ? 'googlemail.com' : 'gmail.com'}` : email.toUpperCase();
      records.push({
        entity,
        fields: {
          firstName: firstTyped,
          lastName: lastForm,
          emails: original.emails!.length && chance(0.6) ? [emailCopy] : chance(0.2) ? [`${latinFirst}@work${digits(2)}.co.il`] : [],
          phones: original.phones!.length && chance(0.7) ? [pick(phoneForms(mobile))] : [],
          street: original.street && chance(0.5) ? original.street : null,
          city: original.city && chance(0.6) ? (script ? cityPair[0]! : cityPair[1]!) : null,
          birthday: birthday && chance(0.5) ? birthday : null,
        },
      });
    }

    // A relative (not a duplicate): same family name, address and home phone, another given name and birthday.
    if (chance(0.1)) {
      const other = pick(firstNames.filter((f) => f !== first));
      records.push({
        entity: people + entity,
        fields: {
          firstName: hebrew ? other.he : other.latin[0]!,
          lastName: original.lastName,
          emails: chance(0.5) ? [`${other.latin[0]!.toLowerCase()}.${latinLast}${people + entity}@${pick(mailDomains)}`] : [],
          phones: original.phones,
          street: original.street,
          city: original.city,
          birthday: chance(0.5) ? `19${50 + Math.floor(next() * 50)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}` : null,
        },
      });
    }
  }
  return records;
}
