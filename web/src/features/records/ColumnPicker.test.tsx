// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ColumnPicker } from './ColumnPicker.js';
import type { FieldDef } from './types.js';

const field = (key: string): FieldDef => ({ key, type: 'text', custom: false, sortable: true, operators: ['eq'] });
const fields = ['name', 'email', 'phone', 'city'].map(field);
let seen: string[] = [];

function Harness() {
  const [columns, setColumns] = useState(['name', 'email', 'phone', 'city']);
  seen = columns;
  return <ColumnPicker fields={fields} columns={columns} onChange={setColumns} onReset={() => undefined} />;
}

describe('ColumnPicker', () => {
  it('moves a column up twice in a row', async () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <MantineProvider>
          <Harness />
        </MantineProvider>
      </QueryClientProvider>,
    );
    await act(async () => fireEvent.click(screen.getByTestId('columns-open')));
    const up = () => document.querySelector('[data-column="city"] [data-testid="column-up"]') as HTMLElement;
    await act(async () => fireEvent.click(up()));
    expect(seen).toEqual(['name', 'email', 'city', 'phone']);
    await act(async () => fireEvent.click(up()));
    expect(seen).toEqual(['name', 'city', 'email', 'phone']);
  });
});
