// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchedForProvider } from '../search/index.js';
import { CellValue } from './CellValue.js';
import type { FieldDef, GridRecord } from './types.js';

const relation: FieldDef = { key: 'custom.cf_employer', type: 'relation', custom: true, sortable: false, operators: ['eq'] };
const company: FieldDef = { key: 'companyId', type: 'relation', custom: false, sortable: false, operators: ['eq'] };
const id = '00000000-0000-4000-8000-000000000001';
const record = (values: Record<string, unknown>) => ({ id: 'r', version: 1, ...values }) as unknown as GridRecord;
const cell = (r: GridRecord, field: FieldDef, path: string) => {
  cleanup();
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider>
        <div data-testid="cell">
          <CellValue record={r} field={field} path={path} />
        </div>
      </MantineProvider>
    </QueryClientProvider>,
  ).getByTestId('cell');
};

afterEach(cleanup);

// Without an i18n instance the cell shows its translation keys, which is what these check.
describe('CellValue', () => {
  it('says "deleted record" for a relation whose target is in the trash, never its id', () => {
    const shown = cell(record({ custom: { cf_employer: { recordType: 'company', id, deleted: true } } }), relation, 'custom.cf_employer');
    expect(shown.textContent).toBe('grid.deletedRecord');
    expect(shown.textContent).not.toContain(id);
  });

  it('shows a relation by the name the server gives, and "not available" for one it names not (the reader may not see it)', () => {
    const named = cell(record({ custom: { cf_employer: { recordType: 'company', id, name: 'Acme' } } }), relation, 'custom.cf_employer');
    expect(named.textContent).toBe('Acme');
    const hidden = cell(record({ custom: { cf_employer: { recordType: 'company', id } } }), relation, 'custom.cf_employer');
    expect(hidden.textContent).toBe('grid.unavailableRecord');
    expect(hidden.textContent).not.toContain(id);
  });

  it('says "not available" for a primary company without a name (hidden or in the trash), a dash for none', () => {
    expect(cell(record({ companyId: id, companyName: null }), company, 'companyId').textContent).toBe('grid.unavailableRecord');
    expect(cell(record({ companyId: id, companyName: 'Acme' }), company, 'companyId').textContent).toBe('Acme');
    expect(cell(record({ companyId: null, companyName: null }), company, 'companyId').textContent).toBe('–');
  });

  it('marks what the list was searched for in a name and an email, and nothing without a search', () => {
    const name: FieldDef = { key: 'name', type: 'text', custom: false, sortable: true, operators: ['contains'] };
    const email: FieldDef = { key: 'email', type: 'email', custom: false, sortable: true, operators: ['contains'] };
    const marks = (q: string, field: FieldDef, value: string) => {
      cleanup();
      const shown = render(
        <QueryClientProvider client={new QueryClient()}>
          <MantineProvider>
            <SearchedForProvider q={q}>
              <div data-testid="cell">
                <CellValue record={record({ [field.key]: value })} field={field} path={field.key} />
              </div>
            </SearchedForProvider>
          </MantineProvider>
        </QueryClientProvider>,
      ).getByTestId('cell');
      return { text: shown.textContent, marked: [...shown.querySelectorAll('mark')].map((m) => m.textContent) };
    };
    expect(marks('כהנ', name, 'יוסי כֹּהֵן')).toEqual({ text: 'יוסי כֹּהֵן', marked: ['כֹּהֵן'] });
    expect(marks('cohen@', email, 'dana.cohen@example.com')).toEqual({ text: 'dana.cohen@example.com', marked: ['cohen@'] });
    expect(marks('', name, 'Dana Cohen').marked).toEqual([]);
  });
});
