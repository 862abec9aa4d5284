import { z } from 'zod';
import { multilineText, text } from '../common/schema.js';

/**
 * Input pieces every record type's create/update schema shares (contacts, companies, later deals):
 * zod only, so the web forms and the CLI validate exactly as the API does.
 */

export const labels = ['work', 'home', 'mobile', 'other'] as const;
export const maxLabelled = 20;

/** Optional single-line text; '' clears it (null). */
export const optionalText = (max: number) =>
  text()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const emailValue = () =>
  text()
    .toLowerCase()
    .pipe(z.email('Not a valid email address').max(254));

/** The primary-email shortcut: '' or null clears it. */
export const emailShortcut = () =>
  text()
    .toLowerCase()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.email('Not a valid email address').max(254).nullable())
    .nullable()
    .optional();

/** Several values with a label, at most one primary; when none is marked, the first one is. */
const labelledList = <T extends z.ZodType<string>>(value: T) =>
  z
    .array(z.strictObject({ value, label: z.enum(labels).default('work'), primary: z.boolean().default(false) }))
    .max(maxLabelled)
    .superRefine((items, context) => {
      if (items.filter((i) => i.primary).length > 1) {
        context.addIssue({ code: 'custom', message: 'At most one may be primary' });
      }
    })
    .transform((items) => items.map((item, i) => ({ ...item, primary: item.primary || (i === 0 && !items.some((x) => x.primary)) })));

export const emailsInput = () => labelledList(emailValue());
/** Phones in any format; the service normalises them to E.164 (Israeli numbers by default). */
export const phonesInput = () => labelledList(text().min(1).max(40));

/** Trimmed, at most 50 tags of at most 50 characters, duplicates dropped (case-insensitively). */
export const tagsInput = () =>
  z
    .array(text().min(1).max(50))
    .max(50)
    .transform((tags) => {
      const seen = new Set<string>();
      return tags.filter((tag) => {
        const key = tag.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    });

const regions = new Intl.DisplayNames(['en'], { type: 'region' });
/** ISO 3166-1 alpha-2 ("IL"), any case in, upper case out; '' or null clears it. */
export const countryInput = () =>
  text()
    .toUpperCase()
    .refine((v) => v === '' || (/^[A-Z]{2}$/.test(v) && regions.of(v) !== v), 'Not an ISO 3166 country code (two letters, e.g. IL)')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

function canonicalLanguage(value: string): string | null {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(value)) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}
/** A BCP 47 language tag ("he", "en-US"), canonicalised; '' or null clears it. */
export const languageInput = () =>
  text()
    .max(35)
    .refine((v) => v === '' || canonicalLanguage(v) !== null, 'Not a language tag (e.g. he, en, ar, ru, en-US)')
    .transform((v) => (v === '' ? null : canonicalLanguage(v)))
    .nullable()
    .optional();

/** The latest calendar date anywhere on earth, so a birthday entered today east of UTC is not "future". */
const latestToday = () => new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
/** A real calendar date (YYYY-MM-DD), not in the future. */
export const pastDateInput = () =>
  z.iso
    .date('Not a date (YYYY-MM-DD)')
    .refine((v) => v >= '1850-01-01', 'Too far in the past')
    .refine((v) => v <= latestToday(), 'Must not be in the future')
    .nullable()
    .optional();

export const notesInput = () => multilineText().max(20_000).nullable().optional();

/** Custom values by field key; each value is checked against its field by the service (custom-fields/values.ts). */
export const customInput = () => z.record(z.string().min(1).max(100), z.unknown());

export const bulkActions = ['set_owner', 'add_tag', 'remove_tag', 'set_stage', 'delete'] as const;

/**
 * A bulk action on up to 500 records: {ids, action, value}. `value` is the owner id (or null) for
 * set_owner, the tag for add_tag/remove_tag, the stage for set_stage, nothing for delete.
 */
export const bulkInput = <A extends readonly [string, ...string[]]>(actions: A, stages: readonly [string, ...string[]] = ['-']) =>
  z
    .strictObject({
      ids: z.array(z.uuid()).min(1).max(500),
      action: z.enum(actions),
      value: z.union([z.uuid(), text().min(1).max(50), z.null()]).optional(),
    })
    .superRefine((input, context) => {
      const issue = (message: string) => context.addIssue({ code: 'custom', path: ['value'], message });
      const { action, value } = input as { action: string; value?: string | null };
      if (action === 'set_owner' && (value === undefined || (value !== null && !z.uuid().safeParse(value).success))) issue('The new owner’s user id (or null)');
      if ((action === 'add_tag' || action === 'remove_tag') && typeof value !== 'string') issue('The tag');
      if (action === 'set_stage' && !stages.includes(value as string)) issue(`One of ${stages.join(', ')}`);
      if (action === 'delete' && value !== undefined && value !== null) issue('delete takes no value');
    })
    .transform((input) => ({ ...input, ids: [...new Set(input.ids)] }));

export const bulkResultSchema = z.object({
  updated: z.number().int(),
  /** Records left alone and why: not_found (missing, deleted or not visible to you) or unchanged. */
  skipped: z.array(z.object({ id: z.uuid(), reason: z.enum(['not_found', 'unchanged']) })),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;
