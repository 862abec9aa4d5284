import { InvitePage } from './InvitePage.js';

export const invitations = { InvitePage };
