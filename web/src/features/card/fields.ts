import type { TFunction } from 'i18next';
import { formatPhone } from '../../components/PhoneNumber.js';
import type { CardRecordType, FieldDef, MemberSummary } from './api.js';

/** How a field is edited and shown on the card. */
export type FieldKind =
  | 'text'
  | 'long_text'
  | 'number'
  | 'money'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'select'
  | 'multi_select'
  | 'url'
  | 'email'
  | 'phone'
  | 'rating'
  | 'relation'
  | 'tags'
  | 'member'
  /** Labelled emails or phones, one primary: the whole list is edited at once. */
  | 'contact_points';

export interface SelectOption {
  value: string;
  label: string;
  color?: string | null;
}

/** One field of the card: a built-in column or a custom field (edited under `custom.<key>`). */
export interface CardField {
  key: string;
  kind: FieldKind;
  custom: boolean;
  label: string;
  options: SelectOption[];
  /** Rating maximum, relation target… */
  config: Record<string, unknown>;
}

/** Built-in fields the card edits, in the order shown; the header carries name, stage and owner. */
const builtins: Record<CardRecordType, { key: string; kind: FieldKind }[]> = {
  contact: [
    { key: 'firstName', kind: 'text' },
    { key: 'lastName', kind: 'text' },
    { key: 'type', kind: 'select' },
    { key: 'emails', kind: 'contact_points' },
    { key: 'phones', kind: 'contact_points' },
    { key: 'source', kind: 'text' },
    { key: 'tags', kind: 'tags' },
    { key: 'street', kind: 'text' },
    { key: 'city', kind: 'text' },
    { key: 'postalCode', kind: 'text' },
    { key: 'country', kind: 'text' },
    { key: 'birthday', kind: 'date' },
    { key: 'language', kind: 'text' },
    { key: 'notes', kind: 'long_text' },
  ],
  company: [
    { key: 'name', kind: 'text' },
    { key: 'domain', kind: 'text' },
    { key: 'phones', kind: 'contact_points' },
    { key: 'industry', kind: 'text' },
    { key: 'size', kind: 'select' },
    { key: 'tags', kind: 'tags' },
    { key: 'street', kind: 'text' },
    { key: 'city', kind: 'text' },
    { key: 'postalCode', kind: 'text' },
    { key: 'country', kind: 'text' },
    { key: 'notes', kind: 'long_text' },
  ],
};

export const contactTypes = ['customer', 'supplier', 'employee', 'partner', 'other'] as const;
export const contactStages = ['subscriber', 'lead', 'qualified', 'customer', 'churned', 'won_back'] as const;
export const companySizes = ['1-10', '11-50', '51-200', '201-1000', '1001+'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** The translated label of a built-in field ("stage" → "Stage"), or the key itself if unknown. */
export function builtinLabel(t: TFunction, key: string): string {
  const label = t(`card.fields.${key}` as 'card.fields.name', { defaultValue: '' });
  return label || key;
}

/** The options of a built-in select, translated. */
export function builtinOptions(t: TFunction, key: string): SelectOption[] {
  if (key === 'type') return contactTypes.map((v) => ({ value: v, label: t(`card.contactType.${v}`) }));
  if (key === 'stage') return contactStages.map((v) => ({ value: v, label: t(`card.stage.${v}`) }));
  if (key === 'size') return companySizes.map((v) => ({ value: v, label: v }));
  return [];
}

const optionLabel = (o: { labelHe?: string | null; labelEn?: string | null; id: string }, lang: string) =>
  (lang === 'he' ? o.labelHe || o.labelEn : o.labelEn || o.labelHe) || o.id;

/** The built-ins this card edits plus the catalogue's custom fields (archived options hidden). */
export function cardFields(t: TFunction, lang: string, type: CardRecordType, catalogue: FieldDef[]): CardField[] {
  const fixed = builtins[type].map((f) => ({
    ...f,
    custom: false,
    label: builtinLabel(t, f.key),
    options: builtinOptions(t, f.key),
    config: {},
  }));
  const custom = catalogue
    .filter((f) => f.custom)
    .map((f) => ({
      key: f.key,
      kind: f.type as FieldKind,
      custom: true,
      label: (lang === 'he' ? f.labelHe || f.labelEn : f.labelEn || f.labelHe) || f.key,
      options: (f.options ?? []).filter((o) => !o.archived).map((o) => ({ value: o.id, label: optionLabel(o, lang), color: o.color })),
      config: f.config ?? {},
    }));
  return [...fixed, ...custom];
}

export interface ValueContext {
  t: TFunction;
  lang: string;
  members?: MemberSummary[];
  /** Custom fields by key (from the catalogue), to name options and labels. */
  catalogue?: FieldDef[];
  /** Names the server gave for ids in changes (`company:<id>`, `member:<id>`); null = hidden from the reader. */
  names?: Record<string, string | null>;
}

/** The name of a record or member the server named; "hidden record" when it withheld it; undefined when it was not asked. */
function nameOf(ctx: ValueContext, type: string, id: unknown): string | undefined {
  const key = `${type}:${String(id)}`;
  if (!ctx.names || !(key in ctx.names)) return undefined;
  return ctx.names[key] ?? ctx.t(type === 'member' ? 'card.unknownMember' : 'card.hiddenRecord');
}

interface CompanyLinkValue {
  companyId?: string;
  name?: string | null;
  role?: string | null;
}
const linksOf = (value: unknown): CompanyLinkValue[] => (Array.isArray(value) ? (value as CompanyLinkValue[]).filter((l) => l && typeof l === 'object') : []);
const linkName = (ctx: ValueContext, l: CompanyLinkValue) => l.name ?? (l.companyId ? nameOf(ctx, 'company', l.companyId) : undefined);
const withRole = (name: string, role: string | null | undefined) => (role ? `${name} (${role})` : name);

/**
 * A change of a contact's companies as what was added and removed: "+ Acme (director), − Globex",
 * and a changed role as "Acme (buyer → director)". Empty when the companies cannot be named.
 */
export function describeLinkChange(ctx: ValueContext, old: unknown, next: unknown): string {
  const before = linksOf(old);
  const after = linksOf(next);
  const arrow = ctx.lang === 'he' ? '←' : '→';
  const parts: string[] = [];
  for (const l of after) {
    const name = linkName(ctx, l);
    if (name === undefined) return '';
    const was = before.find((b) => b.companyId === l.companyId);
    if (!was) parts.push(`+ ${withRole(name, l.role)}`);
    else if ((was.role ?? '') !== (l.role ?? '')) parts.push(`${name} (${was.role || ctx.t('card.empty')} ${arrow} ${l.role || ctx.t('card.empty')})`);
  }
  for (const l of before) {
    const name = linkName(ctx, l);
    if (name === undefined) return '';
    if (!after.some((a) => a.companyId === l.companyId)) parts.push(`− ${name}`);
  }
  return parts.join(', ');
}

const dateFormat = (lang: string, iso: string, withTime: boolean) => {
  const date = new Date(withTime || iso.length > 10 ? iso : `${iso}T00:00:00`);
  if (Number.isNaN(date.getTime())) return iso;
  return withTime
    ? date.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' })
    : date.toLocaleDateString(lang, { dateStyle: 'medium' });
};

/** A field's label for sentences and history: built-in, `custom.<key>`, or a bare custom key. */
export function fieldLabel(ctx: ValueContext, field: string): string {
  const key = field.startsWith('custom.') ? field.slice(7) : field;
  const custom = ctx.catalogue?.find((f) => f.custom && f.key === key);
  if (custom) return (ctx.lang === 'he' ? custom.labelHe || custom.labelEn : custom.labelEn || custom.labelHe) || key;
  return builtinLabel(ctx.t, key);
}

/** Any stored value as readable text in the user's language ("" for empty). */
export function formatValue(ctx: ValueContext, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const key = field.startsWith('custom.') ? field.slice(7) : field;
  const { t, lang } = ctx;
  const custom = ctx.catalogue?.find((f) => f.custom && f.key === key);
  if (key === 'ownerId' || key === 'updatedBy') {
    return ctx.members?.find((m) => m.userId === value)?.name ?? nameOf(ctx, 'member', value) ?? t('card.unknownMember');
  }
  // Ids are never shown: named by the server, or left out ("changed Primary company").
  if (key === 'companyId') return nameOf(ctx, 'company', value) ?? '';
  if (key === 'mergedFrom' || key === 'mergedInto') return '';
  // Phones as people write them (050-123-4567), not as stored (+972501234567).
  if ((key === 'phone' || key === 'phones' || custom?.type === 'phone') && (typeof value === 'string' || Array.isArray(value))) {
    const list = (Array.isArray(value) ? value : [value]) as (string | { value?: string })[];
    return list.map((p) => formatPhone(typeof p === 'string' ? p : String(p.value ?? ''))).join(', ');
  }
  if (key === 'companies') {
    return linksOf(value)
      .map((l) => {
        const name = linkName(ctx, l);
        return name === undefined ? '' : withRole(name, l.role);
      })
      .filter(Boolean)
      .join(', ');
  }
  if (key === 'stage' && typeof value === 'string' && isOneOf(contactStages, value)) return t(`card.stage.${value}`);
  if (key === 'type' && typeof value === 'string' && isOneOf(contactTypes, value)) return t(`card.contactType.${value}`);
  if (custom?.type === 'relation' && typeof value === 'object') {
    const rel = value as { recordType?: string; id?: string; name?: string | null };
    return rel.name ?? nameOf(ctx, rel.recordType ?? 'contact', rel.id) ?? '';
  }
  if (custom?.options?.length) {
    const name = (id: unknown) => {
      const option = custom.options?.find((o) => o.id === id);
      return option ? optionLabel(option, lang) : String(id);
    };
    if (Array.isArray(value)) return value.map(name).join(', ');
    return name(value);
  }
  if (typeof value === 'boolean') return value ? t('card.yes') : t('card.no');
  if (custom?.type === 'date' || key === 'birthday') return typeof value === 'string' ? dateFormat(lang, value, false) : String(value);
  if (custom?.type === 'datetime') return typeof value === 'string' ? dateFormat(lang, value, true) : String(value);
  if (custom?.type === 'rating' && typeof value === 'number') return `${'★'.repeat(value)}`;
  if (typeof value === 'number') return value.toLocaleString(lang);
  if (Array.isArray(value)) return value.map((v) => formatValue(ctx, '', v)).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.amount === 'number') return `${v.amount.toLocaleString(lang)} ${String(v.currency ?? '')}`.trim();
    const named = v.name ?? v.value ?? v.label;
    if (typeof named === 'string') return typeof v.role === 'string' && v.role ? `${named} (${v.role})` : named;
    if (typeof v.id === 'string') return v.id;
    return JSON.stringify(value);
  }
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
