import { DuplicatesPage } from './DuplicatesPage.js';

export { allowQuery, type DuplicateType } from './api.js';
export { saveWithDuplicateStep, touchesIdentity } from './duplicateStep.js';
export { DuplicateModal } from './DuplicateModal.js';
export { DuplicateStep } from './DuplicateStep.js';
export { useDuplicatePrompt, type DuplicatePrompt } from './useDuplicatePrompt.js';

/** The screens of the duplicates feature, for the router. */
export const duplicates = { Page: DuplicatesPage };
