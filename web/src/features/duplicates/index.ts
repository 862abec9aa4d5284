export { allowQuery, type DuplicateType } from './api.js';
export { saveWithDuplicateStep, touchesIdentity } from './duplicateStep.js';
export { DuplicateModal } from './DuplicateModal.js';
export { DuplicateStep } from './DuplicateStep.js';
export { useDuplicatePrompt, type DuplicatePrompt } from './useDuplicatePrompt.js';
