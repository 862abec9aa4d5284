import { createContext, useContext } from 'react';
import type { CardRecord, CardRecordType, FieldDef, MemberSummary } from './api.js';
import type { CardField } from './fields.js';

export interface CardContextValue {
  recordType: CardRecordType;
  record: CardRecord;
  fields: CardField[];
  catalogue: FieldDef[];
  members: MemberSummary[];
  /** PATCHes `patch` on top of `version`; true when stored, false on a conflict or an error. */
  save: (patch: Record<string, unknown>, version: number) => Promise<boolean>;
  saving: boolean;
  /** The last save's error other than a conflict (a 400 naming fields), null after a success. */
  failure: unknown;
  /** Counts reloads after a conflict, so open editors move onto the new version. */
  reloads: number;
}

const CardContext = createContext<CardContextValue | null>(null);
export const CardProvider = CardContext.Provider;

export function useCard(): CardContextValue {
  const value = useContext(CardContext);
  if (!value) throw new Error('useCard outside a card');
  return value;
}
