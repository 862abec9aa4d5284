// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { moveColumn, toggleColumn } from './columnEdits.js';
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

const renderPicker = (picker: React.ReactNode) =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider>{picker}</MantineProvider>
    </QueryClientProvider>,
  );
const option = (column: string, testId: string) => document.querySelector(`[data-column="${column}"] [data-testid="${testId}"]`) as HTMLElement;
const checkbox = (column: string) => document.querySelector(`[data-column="${column}"] input[type="checkbox"]`) as HTMLElement;

afterEach(cleanup);

describe('ColumnPicker', () => {
  it('moves a column up twice in a row', async () => {
    renderPicker(<Harness />);
    await act(async () => fireEvent.click(screen.getByTestId('columns-open')));
    await act(async () => fireEvent.click(option('city', 'column-up')));
    expect(seen).toEqual(['name', 'email', 'city', 'phone']);
    await act(async () => fireEvent.click(option('city', 'column-up')));
    expect(seen).toEqual(['name', 'city', 'email', 'phone']);
  });

  // The list's URL renders in a transition: clicks can arrive while the picker still shows the old order.
  it('keeps every click made before the list re-renders with the previous one', async () => {
    let latest = ['name', 'email', 'phone'];
    renderPicker(<ColumnPicker fields={fields} columns={latest} onChange={(edit) => (latest = edit(latest))} onReset={() => undefined} />);
    await act(async () => fireEvent.click(screen.getByTestId('columns-open')));
    await act(async () => fireEvent.click(checkbox('city')));
    expect(latest).toEqual(['name', 'email', 'phone', 'city']);
    // Still rendered without the city: a move built from what is shown would drop it again.
    await act(async () => fireEvent.click(option('email', 'column-down')));
    expect(latest).toEqual(['name', 'phone', 'email', 'city']);
    await act(async () => fireEvent.click(checkbox('name')));
    expect(latest).toEqual(['phone', 'email', 'city']);
  });
});

describe('column edits', () => {
  it('move a column by name, and leave it at an edge or when hidden', () => {
    expect(moveColumn(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveColumn(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveColumn(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveColumn(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(moveColumn(['a', 'b'], 'x', -1)).toEqual(['a', 'b']);
  });

  it('toggle shows a hidden column last and hides a shown one, never the last', () => {
    expect(toggleColumn(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleColumn(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggleColumn(['a'], 'a')).toEqual(['a']);
  });
});
