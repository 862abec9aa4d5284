import { useSession } from '../auth/index.js';
import type { CardRecord } from './api.js';

/**
 * Who else changed this record while it is open: the name when the latest version was made by
 * another member. The live hook (web/src/app/live) refreshes the record on each event; the card
 * then reads the author from the record itself.
 */
export function useOtherChange(record: CardRecord | undefined, openedAtVersion: number | null): string | null {
  const me = useSession().data?.user.id;
  if (!record || openedAtVersion === null || record.version <= openedAtVersion) return null;
  if (!record.updatedBy || record.updatedBy === me) return null;
  return record.updatedByName ?? null;
}
