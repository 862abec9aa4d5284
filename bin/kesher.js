#!/usr/bin/env node
// Runs the built CLI; `npm start` builds it first when needed.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('kesher: not built yet; run `npm run build` (or `npm start`, which builds first).');
  process.exit(1);
}
await import(entry.href);
