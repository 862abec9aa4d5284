import { z } from 'zod';
import { isApiError, request } from '../../app/api.js';

/** The record types that have duplicate rules today; the server's registry decides, this list names the screens. */
export const duplicateTypes = ['contact', 'company'] as const;
export type DuplicateType = (typeof duplicateTypes)[number];
export const pluralOf: Record<DuplicateType, string> = { contact: 'contacts', company: 'companies' };

// Loose on purpose: a rule or a field the matcher adds later is shown (or ignored), never a parse failure.
const reasonSchema = z.looseObject({ rule: z.string(), detail: z.string().nullish(), weight: z.number().nullish() });
export type Reason = z.infer<typeof reasonSchema>;

export const candidateSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  subtitle: z.string().nullish(),
  score: z.number(),
  level: z.enum(['block', 'warn']).catch('warn'),
  /** A record the caller may not see: no name, no link, but still a reason not to save blindly. */
  hidden: z.boolean().nullish(),
  reasons: z.array(reasonSchema),
});
export type Candidate = z.infer<typeof candidateSchema>;

const scanSchema = z.looseObject({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  startedAt: z.string().nullish(),
  finishedAt: z.string().nullish(),
  pairs: z.number().nullish(),
  groups: z.number().nullish(),
});
export type Scan = z.infer<typeof scanSchema>;

const groupSchema = z.looseObject({
  id: z.string(),
  score: z.number(),
  records: z.array(z.looseObject({ id: z.string(), title: z.string(), subtitle: z.string().nullish() })),
  pairs: z.array(z.looseObject({ a: z.string(), b: z.string(), score: z.number(), reasons: z.array(reasonSchema) })),
});
export type DuplicateGroup = z.infer<typeof groupSchema>;

const scanPageSchema = z.object({ scan: scanSchema.nullable(), groups: z.array(groupSchema), nextCursor: z.string().nullish() });
export type ScanPage = z.infer<typeof scanPageSchema>;

const ruleSchema = z.looseObject({ rule: z.string(), enabled: z.boolean(), weight: z.number() });
export const rulesSchema = z.looseObject({
  type: z.string(),
  rules: z.array(ruleSchema),
  blockAt: z.number(),
  warnAt: z.number(),
  version: z.number(),
});
export type DuplicateRules = z.infer<typeof rulesSchema>;
export type RulesInput = Pick<DuplicateRules, 'rules' | 'blockAt' | 'warnAt' | 'version'>;

export const duplicateKeys = {
  all: ['duplicates'] as const,
  scan: (type: DuplicateType) => ['duplicates', 'scan', type] as const,
  rules: (type: DuplicateType) => ['duplicates', 'rules', type] as const,
};

/** The query that tells a create or an update to save despite likely duplicates. */
export const allowQuery = (allow: boolean) => (allow ? { duplicates: 'allow' } : undefined);

/** Likely duplicates of a draft (a create body, or an update's patch with the record's id). */
export const checkDuplicates = (type: DuplicateType, record: Record<string, unknown>, id?: string) =>
  request('/api/duplicates/check', {
    method: 'POST',
    body: { type, record, ...(id ? { id } : {}) },
    schema: z.object({ candidates: z.array(candidateSchema) }),
  }).then((answer) => answer.candidates);

/** The candidates of a 409 possible_duplicate (the server found them while saving), else null. */
export function candidatesOf(error: unknown): Candidate[] | null {
  // Compared as a string: the code joins the server's closed list with the matcher.
  if (!isApiError(error) || (error.code as string) !== 'possible_duplicate') return null;
  const nested = error.details.details as { candidates?: unknown } | undefined;
  const parsed = z.array(candidateSchema).safeParse(error.details.candidates ?? nested?.candidates);
  return parsed.success ? parsed.data : [];
}

export const startScan = (type: DuplicateType) => request('/api/duplicates/scans', { method: 'POST', body: { type } });

export const fetchLatestScan = (type: DuplicateType, cursor: string | null, signal?: AbortSignal) =>
  request('/api/duplicates/scans/latest', { query: { type, cursor }, schema: scanPageSchema, signal });

/** Remembers that these records are not duplicates of each other: scans and checks stop pairing them. */
export const markNotDuplicate = (type: DuplicateType, ids: string[]) =>
  request('/api/duplicates/not-duplicate', { method: 'POST', body: { type, ids } });

export const fetchRules = (type: DuplicateType, signal?: AbortSignal) =>
  request('/api/duplicates/rules', { query: { type }, schema: rulesSchema, signal });

export const saveRules = (type: DuplicateType, input: RulesInput) =>
  request('/api/duplicates/rules', { method: 'PUT', query: { type }, body: input, schema: rulesSchema });

/** The merge page of these records (built by the merge feature). */
export const mergePath = (type: DuplicateType, ids: string[]) => `/${pluralOf[type]}/merge?ids=${ids.map(encodeURIComponent).join(',')}`;
export const cardPath = (type: DuplicateType, id: string) => `/${pluralOf[type]}/${id}`;
