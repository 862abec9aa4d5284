// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { roles } from '../../../../src/core/roles.js';
import type { DuplicateGroup } from './api.js';
import { GroupItem } from './GroupItem.js';
import { canActOnDuplicates } from './permissions.js';

const group: DuplicateGroup = {
  id: '00000000-0000-4000-8000-000000000009',
  score: 0.97,
  records: [
    { id: '00000000-0000-4000-8000-000000000001', title: 'Dana Levi', subtitle: null, hidden: false },
    { id: '00000000-0000-4000-8000-000000000002', title: 'Dana Levy', subtitle: null, hidden: false },
  ],
  pairs: [{ a: '00000000-0000-4000-8000-000000000001', b: '00000000-0000-4000-8000-000000000002', score: 0.97, reasons: [{ rule: 'name', detail: null, weight: 4 }] }],
};

const item = (canAct: boolean) =>
  render(
    <MemoryRouter>
      <MantineProvider>
        <GroupItem type="contact" group={group} onNotDuplicate={() => undefined} busy={false} canAct={canAct} />
      </MantineProvider>
    </MemoryRouter>,
  );

afterEach(cleanup);

describe('who may act on a group of duplicates', () => {
  it('every role that writes records may scan, merge and mark; a viewer (and no session) may not', () => {
    expect(roles.filter((role) => canActOnDuplicates(role))).toEqual(['owner', 'admin', 'manager', 'sales', 'service', 'marketing']);
    expect(canActOnDuplicates(undefined)).toBe(false);
    expect(canActOnDuplicates('nobody')).toBe(false);
  });

  it('shows merge and “not a duplicate” only to a role that may act; the records stay links for all', () => {
    const writer = item(true);
    expect(writer.queryByTestId('duplicate-group-merge')).not.toBeNull();
    expect(writer.queryByTestId('duplicate-not')).not.toBeNull();
    cleanup();
    const reader = item(false);
    expect(reader.queryByTestId('duplicate-group-merge')).toBeNull();
    expect(reader.queryByTestId('duplicate-not')).toBeNull();
    expect(reader.getAllByTestId('duplicate-group-record')).toHaveLength(2);
  });
});
