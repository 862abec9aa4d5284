import type { Config } from '../server/config.js';

/** Example values of the printed commands; a person replaces them, the CLI test runs them as printed. */
export const firstOwnerExample = { email: 'owner@example.com', name: 'Owner Name', workspace: 'My Company', slug: 'my-company' };

/**
 * What a real installation's first start (no users, no demo) prints: the commands that create the
 * first owner and their workspace, in the order that works. On the embedded database the server holds
 * the data directory, so the commands run while Kesher is stopped.
 */
export function firstOwnerInstructions(config: Config, url: string): string {
  const { email, name, workspace, slug } = firstOwnerExample;
  const where = config.databaseUrl
    ? 'in another terminal, with the same DATABASE_URL'
    : 'after stopping Kesher with Ctrl+C, as the embedded database takes one process at a time; same KESHER_DATA_DIR';
  return [
    '',
    `  No users yet. Create the first owner and their workspace (${where}):`,
    '',
    `    KESHER_PASSWORD='<a long password>' npx kesher user create --email ${email} --name "${name}"`,
    `    npx kesher workspace create --name "${workspace}" --slug ${slug} --owner ${email}`,
    '',
    `  then ${config.databaseUrl ? '' : 'start Kesher again and '}log in at ${url} with that email and password. Colleagues join with`,
    `    npx kesher user create --email … --name … --workspace ${slug} --role sales   (or an invitation from the web app)`,
    '',
  ].join('\n');
}
