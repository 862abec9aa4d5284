#!/usr/bin/env node
import { constants } from 'node:os';
import { Command, Option } from 'commander';
import { ZodError } from 'zod';
import { roles } from '../domain/workspaces/schema.js';
import '../domain/contacts/record.js';
import '../domain/companies/record.js';
import { recordTypes } from '../domain/records/registry.js';
import { AppError } from '../core/errors.js';
import { createUserCommand, createWorkspaceCommand } from './commands/accounts.js';
import { migrateCommand, seedCommand } from './commands/database.js';
import { privacyEraseCommand, privacyExportCommand, privacyRetentionCommand } from './commands/privacy.js';
import { purgeCommand } from './commands/purge.js';
import { scanDuplicatesCommand } from './commands/duplicates.js';
import { mergeCommand } from './commands/merge.js';
import { start } from './commands/start.js';

const program = new Command('kesher').description('Kesher — smart CRM').showHelpAfterError();

// A command stopped by Ctrl+C or SIGTERM leaves through process.exit, whose 'exit' event frees the
// data-dir lock at once (`start` has handlers of its own that close the server first).
program.hook('preAction', (_program, command) => {
  if (command.name() === 'start') return;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(128 + constants.signals[signal]));
});

program
  .command('start')
  .description('migrate and serve Kesher; the demo workspace is seeded on a new embedded database')
  .option('--demo', 'seed the demo workspace (public accounts and password) if it is missing, also on DATABASE_URL')
  .option('--no-demo', 'do not seed the demo workspace, also on a new embedded database')
  .action(start);

program.command('migrate').description('apply database migrations').action(migrateCommand);

program
  .command('seed')
  .description('load data')
  .requiredOption('--demo', 'the demo workspace (Hebrew and English people and companies)')
  .option('--contacts <n>', 'how many demo contacts (companies and activities in proportion)', (v) => Number.parseInt(v, 10), 2000)
  .action(seedCommand);

program
  .command('purge')
  .description("delete for good what has been in the trash longer than the workspace's retention (trash_retention_days)")
  .option('--workspace <slug>', 'only this workspace')
  .option('--dry-run', 'count what would be purged, delete nothing')
  .action(purgeCommand);

const duplicates = program.command('duplicates').description('likely duplicate records');
duplicates
  .command('scan')
  .description('scan a workspace for likely duplicates and print the groups with score and reasons (stored for the web too)')
  .option('--workspace <slug>', 'the workspace (needed when there are several)')
  // The record types that declare duplicate matching (registry), as the API's enum.
  .addOption(new Option('--type <type>', 'record type').choices(recordTypes().flatMap((t) => (t.duplicates ? [t.name] : []))).default('contact'))
  .option('--json', 'print the scan and its groups as JSON')
  .action(scanDuplicatesCommand);
program
  .command('merge')
  .description('merge records of one type into the first (the survivor), as the web does; `kesher merge undo <merge-id>` within 30 days')
  .argument('<type>', 'contact or company; or undo')
  .argument('<ids...>', 'the survivor id, then the ids merged into it; after undo, the merge id')
  .option('--workspace <slug>', 'the workspace (needed when there are several)')
  .option('--field <key=id>', "take this field's value from that record (repeatable); default: the survivor's, else the newest non-empty", (v: string, all: string[]) => [...all, v], [])
  .option('--json', 'print the merge and the surviving record as JSON')
  .action(mergeCommand);
const privacy = program.command('privacy').description('privacy rights: retention, subject-access export, erasure');
privacy
  .command('retention')
  .description("anonymise or erase contacts with no activity for the workspace's retention years (Settings → Privacy)")
  .option('--workspace <slug>', 'only this workspace')
  .option('--dry-run', 'count what would be done, change nothing')
  .action(privacyRetentionCommand);
privacy
  .command('export <contact-id>')
  .description('everything held about one person (subject-access request), to stdout or --output; audited')
  .requiredOption('--workspace <slug>', 'the workspace of the contact')
  .addOption(new Option('--format <format>', 'machine-readable or printable').choices(['json', 'html']).default('json'))
  .addOption(new Option('--lang <lang>', 'language of the HTML').choices(['he', 'en']).default('he'))
  .option('--output <file>', 'write to this file (mode 600) instead of stdout')
  .action(privacyExportCommand);
privacy
  .command('erase <contact-id>')
  .description("erase a person irreversibly: personal data, activity content and audit values; a pseudonym keeps the rest")
  .requiredOption('--workspace <slug>', 'the workspace of the contact')
  .action(privacyEraseCommand);

const workspace = program.command('workspace').description('workspaces');
workspace
  .command('create')
  .description('create a workspace owned by an existing user')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--slug <slug>', 'short address, e.g. acme')
  .requiredOption('--owner <email>', 'email of the owner (create it first with `kesher user create`)')
  .addOption(new Option('--locale <locale>', 'default language').choices(['he', 'en']).default('he'))
  .action(createWorkspaceCommand);

const user = program.command('user').description('users');
user
  .command('create')
  .description('create a user (password from --password or the KESHER_PASSWORD environment variable)')
  .requiredOption('--email <email>', 'login email')
  .requiredOption('--name <name>', 'full name')
  .option('--password <password>', '10+ characters, not common, not containing the email or name')
  .addOption(new Option('--locale <locale>', 'language').choices(['he', 'en']).default('he'))
  .option('--workspace <slug>', 'add the user to this workspace')
  .addOption(new Option('--role <role>', 'role in --workspace').choices([...roles]).default('sales'))
  .action(createUserCommand);

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof AppError || error instanceof ZodError) {
    const fields = error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : (error.details.fields ?? []).map((f) => `${f.path}: ${f.message}`);
    console.error(`kesher: ${error instanceof ZodError ? 'invalid input' : error.message}${fields.length ? `\n  ${fields.join('\n  ')}` : ''}`);
    process.exit(1);
  }
  throw error;
}
