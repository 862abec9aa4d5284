export { canManageSettings, SettingsPage, settingsRoutes } from './SettingsPage.js';
