import { expect, test } from 'vitest';
import { useTestDb } from '../test-support/db.js';

const handle = await useTestDb();

// A search keystroke spent 39 of its 47 ms compiling when JIT was on (docs/decisions.md).
test.runIf(process.env.KESHER_TEST_DATABASE_URL)('PostgreSQL connections run with JIT off', async () => {
  const { rows } = await handle.pool!.query<{ jit: string }>('show jit');
  expect(rows[0]!.jit).toBe('off');
});
