import { z } from 'zod';
import { INT4_MAX, text } from '../common/schema.js';

/**
 * The names of the record types with rule lists (defaults.ts `rulesOf`, which a new type joins anyway).
 * Which names are accepted is the registry's: schema.ts may not read it, so the schema below takes a name
 * and the routes narrow it to an enum of the types that declare `duplicates` (routes/duplicates.ts, as
 * the field catalogue's route does), while services check it with duplicateTypeOf (400 otherwise).
 */
export type DuplicateType = 'contact' | 'company';
export const duplicateTypeSchema = text()
  .min(1)
  .max(50)
  .meta({ description: 'A record type that declares duplicate matching' }) as unknown as z.ZodType<DuplicateType, string>;

export const duplicateRuleNames = ['email', 'phone', 'name', 'company', 'address', 'birthday', 'nationalId', 'domain'] as const;
export const duplicateRuleSchema = z.enum(duplicateRuleNames);
export type DuplicateRule = z.infer<typeof duplicateRuleSchema>;

const score = z.number().min(0).max(1);

/** A workspace's matching rules for one record type; weight = bits of evidence when the rule fully agrees. */
export const duplicateRulesSchema = z.object({
  type: duplicateTypeSchema,
  rules: z.array(z.object({ rule: duplicateRuleSchema, enabled: z.boolean(), weight: z.number() })),
  blockAt: score,
  warnAt: score,
  version: z.number().int(),
});
export type DuplicateRules = z.infer<typeof duplicateRulesSchema>;

export const duplicateTypeQuerySchema = z.strictObject({ type: duplicateTypeSchema.default('contact') });

export const putDuplicateRulesSchema = z
  .strictObject({
    rules: z
      .array(z.strictObject({ rule: duplicateRuleSchema, enabled: z.boolean(), weight: z.number().min(0).max(40) }))
      .max(duplicateRuleNames.length)
      .refine((rules) => new Set(rules.map((r) => r.rule)).size === rules.length, 'A rule is listed twice'),
    blockAt: score,
    warnAt: score,
    version: z.number().int().min(0).max(INT4_MAX),
  })
  .refine((body) => body.warnAt <= body.blockAt, { message: 'warnAt must not be above blockAt', path: ['warnAt'] });
export type PutDuplicateRulesInput = z.input<typeof putDuplicateRulesSchema>;

export const reasonSchema = z.object({
  rule: duplicateRuleSchema,
  detail: z.string().nullable(),
  weight: z.number(),
});
export type Reason = z.infer<typeof reasonSchema>;

/** A record that may be the same as the one being saved. Hidden ones (not visible to the caller) carry no name. */
export const candidateSchema = z.object({
  id: z.uuid(),
  type: duplicateTypeSchema,
  title: z.string(),
  subtitle: z.string().nullable(),
  score,
  level: z.enum(['block', 'warn']),
  hidden: z.boolean(),
  reasons: z.array(reasonSchema),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const checkDuplicatesSchema = z.strictObject({
  type: duplicateTypeSchema,
  record: z.record(z.string(), z.unknown()),
  id: z.uuid().optional(),
});
export type CheckDuplicatesInput = z.input<typeof checkDuplicatesSchema>;
export const checkDuplicatesResultSchema = z.object({ candidates: z.array(candidateSchema) });

export const notDuplicateSchema = z.strictObject({ type: duplicateTypeSchema, ids: z.array(z.uuid()).min(2).max(50) });
export type NotDuplicateInput = z.input<typeof notDuplicateSchema>;

export const startScanSchema = z.strictObject({ type: duplicateTypeSchema });

export const scanSchema = z.object({
  id: z.uuid(),
  type: duplicateTypeSchema,
  status: z.enum(['running', 'done', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  pairs: z.number().int(),
  groups: z.number().int(),
});
export type Scan = z.infer<typeof scanSchema>;

export const scanGroupSchema = z.object({
  id: z.uuid(),
  score,
  records: z.array(z.object({ id: z.uuid(), title: z.string(), subtitle: z.string().nullable(), hidden: z.boolean() })),
  pairs: z.array(z.object({ a: z.uuid(), b: z.uuid(), score, reasons: z.array(reasonSchema) })),
});
export type ScanGroup = z.infer<typeof scanGroupSchema>;

export const latestScanQuerySchema = z.strictObject({
  type: duplicateTypeSchema.default('contact'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(100).optional(),
});
export const latestScanSchema = z.object({ scan: scanSchema.nullable(), groups: z.array(scanGroupSchema), nextCursor: z.string().nullable() });
export type LatestScan = z.infer<typeof latestScanSchema>;
