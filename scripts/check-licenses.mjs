// `npm run licenses`: fails when a production dependency's licence does not combine with
// AGPL-3.0-or-later. license-checker-rseidelsohn collects the licences; we evaluate each SPDX expression
// ourselves because its --onlyAllow matches substrings ("MIT AND GPL-2.0-only" would pass for "MIT").
// The allow-list and reviewed exceptions are explained in docs/decisions.md.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import parse from 'spdx-expression-parse';

const require = createRequire(import.meta.url);
const checker = require('license-checker-rseidelsohn');

/** Licences that may be combined into an AGPL-3.0-or-later work (permissive, weak copyleft, GPLv3 family). */
export const allowedLicenses = new Set([
  '0BSD', 'Apache-2.0', 'BlueOak-1.0.0', 'BSD-2-Clause', 'BSD-3-Clause', 'BSL-1.0', 'CC0-1.0', 'CC-BY-4.0',
  'ISC', 'MIT', 'MIT-0', 'Python-2.0', 'Unicode-3.0', 'Unicode-DFS-2016', 'Unlicense', 'WTFPL', 'Zlib',
  'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later', 'MPL-2.0',
  'GPL-2.0-or-later', 'GPL-3.0-only', 'GPL-3.0-or-later', 'AGPL-3.0-only', 'AGPL-3.0-or-later',
]);

/** Reviewed packages whose metadata is not a usable SPDX expression: "name@version" -> the licence we verified. */
export const reviewedExceptions = new Map([]);

/** Whether an SPDX expression is satisfied by the allow-list: AND needs both sides, OR either. */
function allowed(node) {
  if (node.conjunction === 'and') return allowed(node.left) && allowed(node.right);
  if (node.conjunction === 'or') return allowed(node.left) || allowed(node.right);
  // "GPL-2.0+" is "GPL-2.0-or-later"; an exception (WITH …) only adds permissions.
  return allowedLicenses.has(node.plus ? `${node.license.replace(/-(only|or-later)$/, '')}-or-later` : node.license);
}

/** The problem with one package's declared licence(s), or null when it may be combined with ours. */
export function licenceProblem(declared) {
  const list = Array.isArray(declared) ? declared : [declared ?? 'UNKNOWN'];
  // Several entries in the legacy `licenses` array mean the author offers each of them.
  const expression = list.length > 1 ? list.map((l) => `(${l})`).join(' OR ') : String(list[0]);
  if (expression.endsWith('*')) return `licence guessed from a file (${expression}); review it and add an exception`;
  try {
    return allowed(parse(expression)) ? null : `${expression} does not combine with AGPL-3.0-or-later`;
  } catch {
    return `${expression} is not an SPDX expression; review it and add an exception`;
  }
}

/** Checks the production dependencies installed under `start`; resolves to the list of problems. */
export function checkLicenses(start) {
  return new Promise((resolvePromise, reject) => {
    checker.init({ start, production: true, excludePrivatePackages: true }, (error, packages) => {
      if (error) return reject(error);
      const problems = [];
      for (const [name, info] of Object.entries(packages)) {
        const problem = reviewedExceptions.has(name) ? null : licenceProblem(info.licenses);
        if (problem) problems.push(`${name}: ${problem}`);
      }
      resolvePromise({ count: Object.keys(packages).length, problems });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const start = resolve(process.argv[2] ?? '.');
  const { count, problems } = await checkLicenses(start);
  if (problems.length) {
    console.error(`Licences that do not combine with AGPL-3.0-or-later:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`Licences: ${count} production packages, all compatible with AGPL-3.0-or-later.`);
}
