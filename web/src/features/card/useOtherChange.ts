import { useRecordChanges } from '../../app/live/index.js';
import { useSession } from '../auth/index.js';
import type { CardRecord, CardRecordType } from './api.js';

/**
 * Who else changed this record since the card showed version `seenVersion`: from the live stream
 * (useRecordChanges), or else from the reloaded record's author. Null when nobody else did.
 */
export function useOtherChange(recordType: CardRecordType, record: CardRecord | undefined, seenVersion: number | null): string | null {
  const me = useSession().data?.user.id;
  const live = useRecordChanges(recordType, record?.id);
  if (!record || seenVersion === null) return null;
  if (live && live.actorUserId !== me && (live.version === null || live.version > seenVersion)) return live.actorName ?? '';
  if (record.version > seenVersion && record.updatedBy && record.updatedBy !== me) return record.updatedByName ?? '';
  return null;
}
