/**
 * Passwords printed in the README and the terminal: anyone who read them can try them, so no real
 * account may choose one. Only the demo seed creates its own accounts with the demo password.
 */
export const demoPassword = 'kesher-sample-2026';

const published = new Set([demoPassword]);

/** True when the password is one of ours that was published (case and surrounding spaces ignored). */
export const isPublishedPassword = (password: string) => published.has(password.trim().toLowerCase());
