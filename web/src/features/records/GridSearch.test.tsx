// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GridSearch } from './GridSearch.js';

afterEach(cleanup);

const box = () => screen.getByTestId('grid-search') as HTMLInputElement;

describe('GridSearch', () => {
  it('shows a search set from elsewhere (the header\'s "see all", the back button)', async () => {
    const searched: string[] = [];
    const { rerender } = render(<MantineProvider><GridSearch value="dana" onSearch={(q) => searched.push(q)} testId="grid-search" /></MantineProvider>);
    rerender(<MantineProvider><GridSearch value="כהן" onSearch={(q) => searched.push(q)} testId="grid-search" /></MantineProvider>);
    expect(box().value).toBe('כהן');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(searched).toEqual([]);
  });

  it('keeps what is being typed when the URL catches up late with an earlier pause', async () => {
    const searched: string[] = [];
    const view = (value: string) => <MantineProvider><GridSearch value={value} onSearch={(q) => searched.push(q)} testId="grid-search" /></MantineProvider>;
    const { rerender } = render(view(''));
    await act(async () => fireEvent.change(box(), { target: { value: 'coh' } }));
    await waitFor(() => expect(searched).toEqual(['coh']));
    await act(async () => fireEvent.change(box(), { target: { value: 'cohen' } }));
    await waitFor(() => expect(searched).toEqual(['coh', 'cohen']));
    // The list renders ?q=coh only now, after the box already asked for "cohen".
    rerender(view('coh'));
    expect(box().value).toBe('cohen');
    rerender(view('cohen'));
    rerender(view('levi'));
    expect(box().value).toBe('levi');
  });
});
