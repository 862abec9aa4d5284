import type { TFunction } from 'i18next';
import { fieldLabel, formatValue, type ValueContext } from '../card/fields.js';
import type { FieldChangeView } from './api.js';

/** A system event of the timeline: what the record pipeline wrote. */
export interface SystemEvent {
  action: string;
  changes?: FieldChangeView[] | null;
}

const knownActions = ['create', 'delete', 'restore', 'merge', 'link', 'unlink', 'purge'] as const;
type KnownAction = (typeof knownActions)[number];
const isKnown = (action: string): action is KnownAction => (knownActions as readonly string[]).includes(action);

/** One change as a sentence: "Dana changed stage from lead to customer". */
export function describeChange(ctx: ValueContext, actor: string, change: FieldChangeView): string {
  const { t } = ctx;
  const field = fieldLabel(ctx, change.field);
  const from = formatValue(ctx, change.field, change.old);
  const to = formatValue(ctx, change.field, change.new);
  if (!from && !to) return t('card.timeline.event.changed', { actor, field });
  if (!from) return t('card.timeline.event.set', { actor, field, to });
  if (!to) return t('card.timeline.event.cleared', { actor, field, from });
  return t('card.timeline.event.changedFromTo', { actor, field, from, to });
}

/**
 * A system event as sentences in the user's language, one per changed field ("Dana changed stage
 * from lead to customer"); a creation, deletion or restore is one sentence.
 */
export function describeSystemEvent(ctx: ValueContext, actor: string | null | undefined, event: SystemEvent): string[] {
  const t: TFunction = ctx.t;
  const who = actor || t('card.timeline.someone');
  const changes = event.changes ?? [];
  if (event.action === 'update' || (event.action !== 'create' && changes.length > 0 && !isKnown(event.action))) {
    return changes.length ? changes.map((c) => describeChange(ctx, who, c)) : [t('card.timeline.event.updated', { actor: who })];
  }
  if (isKnown(event.action)) return [t(`card.timeline.event.${event.action}`, { actor: who })];
  return [t('card.timeline.event.other', { actor: who, action: event.action })];
}
