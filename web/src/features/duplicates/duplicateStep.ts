import { candidatesOf, checkDuplicates, type Candidate, type DuplicateType } from './api.js';

/** Shows the candidates and answers true for "save anyway", false for "back to the draft". */
export type AskAboutDuplicates = (candidates: Candidate[]) => Promise<boolean>;

interface DuplicateStepOptions<T> {
  type: DuplicateType;
  /** The create body, or the update's patch. */
  record: Record<string, unknown>;
  /** The record being edited; absent for a create. */
  id?: string;
  /** False skips the check before saving (an edit that changes nothing a rule compares); a 409 still asks. */
  check?: boolean;
  ask: AskAboutDuplicates;
  /** Saves the draft; `allow` says to save despite duplicates (`?duplicates=allow`). */
  save: (allow: boolean) => Promise<T>;
}

// The fields the matcher compares: editing one of them is worth a check before saving.
const identityKeys = new Set(['firstName', 'lastName', 'name', 'email', 'emails', 'phone', 'phones', 'domain']);
export const touchesIdentity = (patch: Record<string, unknown>) => Object.keys(patch).some((key) => identityKeys.has(key));

/**
 * Saves a draft with the duplicate step: likely duplicates are shown before saving, and the user saves
 * anyway or goes back. A 409 possible_duplicate (another user saved a twin meanwhile) asks the same way.
 * Resolves to what `save` gave, or null when the user went back to the draft.
 */
export async function saveWithDuplicateStep<T>({ type, record, id, check = true, ask, save }: DuplicateStepOptions<T>): Promise<T | null> {
  // A check that fails does not stop the save: the server checks again as it saves.
  const found = check ? await checkDuplicates(type, record, id).catch(() => []) : [];
  if (found.length > 0 && !(await ask(found))) return null;
  try {
    return await save(found.length > 0);
  } catch (error) {
    const raced = candidatesOf(error);
    if (!raced) throw error;
    if (!(await ask(raced))) return null;
    return save(true);
  }
}
