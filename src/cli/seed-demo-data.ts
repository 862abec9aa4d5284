import { fakerEN, fakerHE, type Faker } from '@faker-js/faker';
import { normalisePhone } from '../domain/contacts/service.js';
import type { LabelledValue } from '../domain/records/columns.js';
import { contactStages, contactTypes } from '../domain/contacts/record.js';

/**
 * The demo's people, companies and activities as plain rows, from seeded generators: the same data on
 * every run. Nothing here touches the database (seed-demo-write.ts does).
 */

const day = 86_400_000;

export interface DemoMembers {
  ownerId: string;
  /** Who owns records, with a weight each; null weight = unowned records. */
  weighted: { userId: string | null; weight: number }[];
}

export interface DemoFieldKeys {
  source: { key: string; optionIds: string[] };
  interest: { key: string; optionIds: string[] };
  anniversary: string;
  value: string;
  revenue: string;
  channel: { key: string; optionIds: string[] };
}

const israeliCities = ['תל אביב-יפו', 'ירושלים', 'חיפה', 'באר שבע', 'נתניה', 'ראשון לציון', 'פתח תקווה', 'הרצליה', 'רעננה', 'כפר סבא', 'נצרת', 'עכו', 'אילת', 'מודיעין'];
const abroad: { city: string; country: string; prefix: string }[] = [
  { city: 'New York', country: 'US', prefix: '+1 212 555 01' },
  { city: 'London', country: 'GB', prefix: '+44 20 7946 0' },
  { city: 'Berlin', country: 'DE', prefix: '+49 30 9018 2' },
  { city: 'Paris', country: 'FR', prefix: '+33 1 84 88 0' },
  { city: 'San Francisco', country: 'US', prefix: '+1 415 555 01' },
];
const tagsHe = ['VIP', 'לקוח חוזר', 'ניוזלטר', 'כנס 2026', 'B2B', 'ממליץ', 'צפון', 'דרום'];
const tagsEn = ['VIP', 'newsletter', 'B2B', 'trade-show', 'referral', 'enterprise'];
const rolesHe = ['מנכ"ל', 'מנהלת רכש', 'סמנכ"ל כספים', 'מנהל תפעול', 'רכש', 'מנהלת שיווק', 'יועץ'];
const rolesEn = ['director', 'buyer', 'CTO', 'CFO', 'office manager', 'head of sales'];
const industries = ['תוכנה', 'מזון', 'נדל"ן', 'בריאות', 'חינוך', 'Retail', 'Manufacturing', 'Finance', 'Logistics', 'Tourism'];
const sizes = ['1-10', '11-50', '51-200', '201-1000', '1001+'] as const;

/** Pick from weighted choices with one draw. */
function weighted<T>(faker: Faker, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = faker.number.float({ min: 0, max: total });
  for (const [value, w] of choices) if ((r -= w) <= 0) return value;
  return choices.at(-1)![0];
}

const iso = (d: Date) => d.toISOString();
const ymd = (d: Date) => d.toISOString().slice(0, 10);

export interface DemoCompany {
  id: string;
  name: string;
  domain: string;
  phone: string | null;
  phones: LabelledValue[];
  street: string;
  city: string;
  postalCode: string;
  country: string;
  industry: string;
  size: string;
  ownerId: string | null;
  tags: string[];
  notes: string | null;
  custom: Record<string, unknown>;
  createdAt: Date;
  hebrew: boolean;
}

export interface DemoContact {
  id: string;
  firstName: string;
  lastName: string;
  type: string;
  stage: string;
  stageDates: Record<string, string>;
  source: string | null;
  email: string | null;
  emails: LabelledValue[];
  phone: string | null;
  phones: LabelledValue[];
  street: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  birthday: string | null;
  language: string;
  notes: string | null;
  ownerId: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  companyId: string | null;
  createdAt: Date;
}

export interface DemoLink {
  contactId: string;
  companyId: string;
  role: string | null;
  isPrimary: boolean;
}

function pickOwner(faker: Faker, members: DemoMembers) {
  return weighted(faker, members.weighted.map((m) => [m.userId, m.weight] as const));
}

export function demoCompanies(count: number, members: DemoMembers, fields: DemoFieldKeys, now: number): DemoCompany[] {
  const seen = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const hebrew = i % 5 < 3;
    const faker = hebrew ? fakerHE : fakerEN;
    let name = faker.company.name();
    if (seen.has(name)) name = `${name} ${i + 1}`;
    seen.add(name);
    const place = hebrew ? null : abroad[i % abroad.length]!;
    const phone = normalisePhone(hebrew ? `0${[2, 3, 4, 8, 9][i % 5]}-${fakerHE.string.numeric(7)}` : `${place!.prefix}${fakerEN.string.numeric(place!.prefix.startsWith('+1') ? 2 : 3)}`) ?? null;
    return {
      id: faker.string.uuid(),
      name,
      domain: `company${i + 1}.example${hebrew ? '.co.il' : '.com'}`,
      phone,
      phones: phone ? [{ value: phone, label: 'work', primary: true }] : [],
      street: hebrew ? `${fakerHE.location.street()} ${faker.number.int({ min: 1, max: 120 })}` : fakerEN.location.streetAddress(),
      city: place?.city ?? faker.helpers.arrayElement(israeliCities),
      postalCode: hebrew ? fakerHE.string.numeric(7) : fakerEN.location.zipCode(),
      country: place?.country ?? 'IL',
      industry: faker.helpers.arrayElement(industries),
      size: faker.helpers.arrayElement(sizes),
      ownerId: pickOwner(faker, members),
      tags: faker.helpers.arrayElements(hebrew ? tagsHe : tagsEn, { min: 0, max: 2 }),
      notes: i % 4 === 0 ? faker.lorem.sentence() : null,
      custom: {
        [fields.revenue]: { amount: faker.number.int({ min: 5, max: 5000 }) * 10_000, currency: 'ILS' },
        [fields.channel.key]: faker.helpers.arrayElement(fields.channel.optionIds),
      },
      createdAt: new Date(now - faker.number.int({ min: 400, max: 760 }) * day),
      hebrew,
    };
  });
}

const israeliMobile = (i: number) => `05${[0, 2, 3, 4, 8][i % 5]}-${fakerHE.string.numeric(7)}`;

/** The stages a contact went through to reach `stage`, each with the date it was entered. */
function stagePath(faker: Faker, stage: string, createdAt: Date, now: number): Record<string, string> {
  // Subscribers stay subscribers; everyone else came in as a lead and moved along the funnel.
  const index = contactStages.indexOf(stage as (typeof contactStages)[number]);
  const path = index <= 0 ? ['subscriber'] : contactStages.slice(1, index + 1);
  const dates: Record<string, string> = {};
  let at = createdAt.getTime();
  const step = (now - at) / (path.length + 1);
  for (const s of path) {
    dates[s] = iso(new Date(at));
    at += faker.number.float({ min: 0.3, max: 1 }) * step;
  }
  return dates;
}

export function demoContacts(count: number, companies: DemoCompany[], members: DemoMembers, fields: DemoFieldKeys, now: number) {
  const contacts: DemoContact[] = [];
  const links: DemoLink[] = [];
  for (let i = 0; i < count; i++) {
    const hebrew = i % 5 < 3; // three in five are Israeli, in Hebrew
    const faker = hebrew ? fakerHE : fakerEN;
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const place = hebrew ? null : abroad[i % abroad.length]!;
    const rawPhone = hebrew
      ? i % 4 === 0 ? fakerHE.phone.number() : israeliMobile(i)
      : `${place!.prefix}${fakerEN.string.numeric(place!.prefix.startsWith('+1') ? 2 : 3)}`;
    const emailName = hebrew ? fakerEN.person.firstName().toLowerCase() : firstName.toLowerCase().replace(/[^a-z]/g, '');
    const emails: LabelledValue[] = [];
    if (i % 7 !== 6) emails.push({ value: `${emailName}.${i}@${hebrew ? 'example.co.il' : 'example.com'}`, label: 'work', primary: true });
    if (i % 3 === 0) emails.push({ value: `${emailName}${i}@mail.example`, label: 'home', primary: emails.length === 0 });
    const phones: LabelledValue[] = [];
    const primaryPhone = i % 9 === 8 ? null : (normalisePhone(rawPhone) ?? null);
    if (primaryPhone) phones.push({ value: primaryPhone, label: hebrew && i % 4 !== 0 ? 'mobile' : 'work', primary: true });
    if (i % 4 === 1) phones.push({ value: normalisePhone(israeliMobile(i + 1))!, label: 'home', primary: false });
    const type = weighted(faker, [['customer', 70], ['supplier', 10], ['partner', 8], ['employee', 5], ['other', 7]] as const);
    const stage = weighted(faker, [['subscriber', 10], ['lead', 25], ['qualified', 15], ['customer', 35], ['churned', 8], ['won_back', 7]] as const);
    const createdAt = new Date(now - faker.number.int({ min: 30, max: 740 }) * day - faker.number.int({ min: 0, max: day }));
    const company = i % 10 < 7 ? companies[faker.number.int({ min: 0, max: companies.length - 1 })] : undefined;
    const id = faker.string.uuid();
    if (company) {
      links.push({ contactId: id, companyId: company.id, role: faker.helpers.arrayElement(company.hebrew ? rolesHe : rolesEn), isPrimary: true });
      if (i % 10 === 0) {
        const second = companies[(companies.indexOf(company) + 1) % companies.length]!;
        links.push({ contactId: id, companyId: second.id, role: faker.helpers.arrayElement(rolesEn), isPrimary: false });
      }
    }
    contacts.push({
      id,
      firstName,
      lastName,
      type: contactTypes.includes(type) ? type : 'customer',
      stage,
      stageDates: stagePath(faker, stage, createdAt, now),
      source: faker.helpers.arrayElement(['website', 'referral', 'facebook', 'google', 'trade show', null]),
      email: emails.find((e) => e.primary)?.value ?? null,
      emails,
      phone: primaryPhone,
      phones,
      street: i % 6 === 5 ? null : hebrew ? `${fakerHE.location.street()} ${faker.number.int({ min: 1, max: 120 })}` : fakerEN.location.streetAddress(),
      city: i % 6 === 5 ? null : (place?.city ?? faker.helpers.arrayElement(israeliCities)),
      postalCode: i % 6 === 5 ? null : hebrew ? fakerHE.string.numeric(7) : fakerEN.location.zipCode(),
      country: i % 6 === 5 ? null : (place?.country ?? 'IL'),
      birthday: i % 3 === 2 ? null : ymd(faker.date.birthdate({ min: 20, max: 75, mode: 'age', refDate: now })),
      language: hebrew ? (i % 11 === 0 ? 'ar' : 'he') : i % 13 === 0 ? 'ru' : 'en',
      notes: i % 5 === 0 ? faker.lorem.sentence() : null,
      ownerId: pickOwner(faker, members),
      tags: faker.helpers.arrayElements(hebrew ? tagsHe : tagsEn, { min: 0, max: 3 }),
      custom: demoCustomValues(faker, fields, i, now),
      companyId: company?.id ?? null,
      createdAt,
    });
  }
  return { contacts, links };
}

function demoCustomValues(faker: Faker, fields: DemoFieldKeys, i: number, now: number): Record<string, unknown> {
  const custom: Record<string, unknown> = { [fields.source.key]: faker.helpers.arrayElement(fields.source.optionIds) };
  if (i % 4 !== 3) custom[fields.interest.key] = faker.helpers.arrayElement(fields.interest.optionIds);
  if (i % 5 < 2) custom[fields.anniversary] = ymd(faker.date.past({ years: 30, refDate: now }));
  if (i % 2 === 0) custom[fields.value] = { amount: faker.number.int({ min: 1, max: 500 }) * 100, currency: 'ILS' };
  return custom;
}

export interface DemoActivity {
  id: string;
  kind: string;
  occurredAt: Date;
  subject: string | null;
  body: string | null;
  direction: string | null;
  durationSeconds: number | null;
  outcome: string | null;
  recordingUrl: string | null;
  location: string | null;
  endsAt: Date | null;
  createdBy: string;
  links: { recordType: 'contact' | 'company'; recordId: string }[];
}

const kinds = [['call', 24], ['email', 20], ['note', 14], ['meeting', 10], ['whatsapp', 8], ['sms', 5], ['visit', 4], ['web_form', 4], ['chat', 4], ['social', 3], ['letter', 2], ['fax', 2]] as const;
const subjects: Record<string, [string, string]> = {
  call: ['שיחת מעקב', 'Follow-up call'],
  email: ['הצעת מחיר', 'Quote sent'],
  note: ['הערה', 'Note'],
  meeting: ['פגישת היכרות', 'Intro meeting'],
  whatsapp: ['הודעת וואטסאפ', 'WhatsApp message'],
  sms: ['תזכורת', 'Reminder'],
  visit: ['ביקור בסניף', 'Site visit'],
  web_form: ['טופס צור קשר', 'Contact form'],
  chat: ['צ׳אט באתר', 'Website chat'],
  social: ['הודעה בפייסבוק', 'LinkedIn message'],
  letter: ['מכתב חידוש', 'Renewal letter'],
  fax: ['פקס הזמנה', 'Order fax'],
};
const bodiesHe = ['ביקש לחזור אליו בשבוע הבא.', 'מעוניין בחבילה המורחבת.', 'נשלחה הצעת מחיר מעודכנת.', 'סוכם על פגישה נוספת.', 'לא רלוונטי כרגע, לחזור ברבעון הבא.'];
const bodiesEn = ['Asked us to call back next week.', 'Interested in the extended plan.', 'Sent an updated quote.', 'Agreed on a follow-up meeting.', 'Not now; try again next quarter.'];

/**
 * `count` activities over the last two years, every kind, each linked to its contact and often to the
 * contact's company; a meeting at a company with two or more people links two of them and the company.
 */
export function demoActivities(count: number, contacts: DemoContact[], links: DemoLink[], ownerId: string, now: number): DemoActivity[] {
  const faker = fakerEN;
  const people = new Map<string, string[]>();
  for (const link of links) people.set(link.companyId, [...(people.get(link.companyId) ?? []), link.contactId]);
  const hebrewIds = new Set(contacts.filter((c) => c.language !== 'en' && c.language !== 'ru').map((c) => c.id));
  const from = now - 730 * day;
  const out: DemoActivity[] = [];
  for (let i = 0; i < count; i++) {
    const contact = contacts[faker.number.int({ min: 0, max: contacts.length - 1 })]!;
    const kind = weighted(faker, kinds);
    const he = hebrewIds.has(contact.id) ? 0 : 1;
    const start = Math.max(from, contact.createdAt.getTime());
    const occurredAt = new Date(faker.number.int({ min: start, max: now - 60_000 }));
    const recordLinks: DemoActivity['links'] = [{ recordType: 'contact', recordId: contact.id }];
    if (contact.companyId) {
      const colleagues = (people.get(contact.companyId) ?? []).filter((id) => id !== contact.id);
      if (kind === 'meeting' && colleagues.length > 0) recordLinks.push({ recordType: 'contact', recordId: faker.helpers.arrayElement(colleagues) });
      if (kind === 'meeting' || faker.number.int(1) === 1) recordLinks.push({ recordType: 'company', recordId: contact.companyId });
    }
    const isCall = kind === 'call';
    const isMeeting = kind === 'meeting';
    const messaging = ['email', 'whatsapp', 'sms', 'chat', 'social', 'letter', 'fax'].includes(kind);
    out.push({
      id: faker.string.uuid(),
      kind,
      occurredAt,
      subject: subjects[kind]![he]!,
      body: faker.helpers.arrayElement(he ? bodiesEn : bodiesHe),
      direction: isCall || messaging ? faker.helpers.arrayElement(['in', 'out']) : null,
      durationSeconds: isCall ? faker.number.int({ min: 20, max: 1800 }) : isMeeting ? faker.helpers.arrayElement([1800, 2700, 3600]) : null,
      outcome: isCall
        ? weighted(faker, [['answered', 60], ['no_answer', 20], ['busy', 5], ['voicemail', 12], ['wrong_number', 3]] as const)
        : isMeeting ? weighted(faker, [['held', 80], ['cancelled', 12], ['no_show', 8]] as const) : null,
      recordingUrl: isCall && i % 5 === 0 ? `https://recordings.example/${i}.mp3` : null,
      location: isMeeting || kind === 'visit' ? faker.helpers.arrayElement(['משרדי הלקוח', 'Zoom', 'בית קפה, תל אביב', 'Head office']) : null,
      endsAt: isMeeting ? new Date(occurredAt.getTime() + 3_600_000) : null,
      createdBy: contact.ownerId ?? ownerId,
      links: recordLinks,
    });
  }
  return out;
}
