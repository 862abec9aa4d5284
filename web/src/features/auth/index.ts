export { ChooseWorkspace } from './ChooseWorkspace.js';
export { LoginPage } from './LoginPage.js';
export { RequireSession } from './RequireSession.js';
export { useLogout } from './useLogout.js';
export { useSession } from './useSession.js';
export { useSwitchWorkspace } from './useSwitchWorkspace.js';
export { MembershipNotices } from './MembershipNotices.js';
