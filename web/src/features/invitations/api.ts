import {
  acceptedInvitationSchema,
  invitationPreviewSchema,
  type InvitationPreview,
} from '../../../../src/domain/invitations/schema.js';
import { request, setCsrfToken } from '../../app/api.js';

/** The token goes in a POST body, never in a URL: it stays out of server and proxy logs. */
export const previewInvitation = (token: string): Promise<InvitationPreview> =>
  request('/api/invitations/preview', { method: 'POST', body: { token }, schema: invitationPreviewSchema });

export async function acceptInvitation(body: { token: string; name?: string; password?: string }) {
  const accepted = await request('/api/invitations/accept', { method: 'POST', body, schema: acceptedInvitationSchema });
  setCsrfToken(accepted.session.csrfToken);
  return accepted;
}
