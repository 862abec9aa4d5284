import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** CSRF token bound to the session: derived, so nothing more is stored; useless without the cookie. */
export const csrfTokenFor = (secret: string, sessionToken: string) =>
  createHmac('sha256', secret).update(`csrf:${sessionToken}`).digest('base64url');

export function safeEqual(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
