export { ContactPrivacy } from './ContactPrivacy.js';
export { RetentionSettings } from './RetentionSettings.js';
