import { useCallback, useState } from 'react';
import type { Candidate } from './api.js';
import type { AskAboutDuplicates } from './duplicateStep.js';

export interface DuplicatePrompt {
  /** The candidates being shown, or null when nothing is asked. */
  candidates: Candidate[] | null;
  ask: AskAboutDuplicates;
  /** The user's answer: true saves anyway, false goes back to the draft. */
  answer: (saveAnyway: boolean) => void;
}

/** The state of one duplicate question: the save waits on `ask` until the panel calls `answer`. */
export function useDuplicatePrompt(): DuplicatePrompt {
  const [pending, setPending] = useState<{ candidates: Candidate[]; resolve: (save: boolean) => void } | null>(null);
  const ask = useCallback<AskAboutDuplicates>((candidates) => new Promise((resolve) => setPending({ candidates, resolve })), []);
  const answer = useCallback(
    (saveAnyway: boolean) => {
      pending?.resolve(saveAnyway);
      setPending(null);
    },
    [pending],
  );
  return { candidates: pending?.candidates ?? null, ask, answer };
}
