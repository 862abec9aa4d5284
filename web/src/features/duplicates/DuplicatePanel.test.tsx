// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Candidate } from './api.js';
import { DuplicatePanel } from './DuplicatePanel.js';

const twin: Candidate = {
  id: '00000000-0000-4000-8000-000000000001',
  type: 'contact',
  title: 'Dana Levi',
  subtitle: 'dana@example.com',
  score: 0.995,
  level: 'block',
  hidden: false,
  reasons: [
    { rule: 'email', detail: null, weight: 9 },
    { rule: 'name', detail: null, weight: 4 },
  ],
};
const unseen: Candidate = { ...twin, id: '00000000-0000-4000-8000-000000000002', title: '', subtitle: null, hidden: true, level: 'warn', score: 0.7 };

const panel = (recordId?: string, onAnswer = vi.fn()) =>
  render(
    <MemoryRouter>
      <MantineProvider>
        <DuplicatePanel type="contact" candidates={[twin, unseen]} recordId={recordId} onAnswer={onAnswer} />
      </MantineProvider>
    </MemoryRouter>,
  );

afterEach(cleanup);

// Without an i18n instance the panel shows its translation keys, which is what these check.
describe('DuplicatePanel', () => {
  it('offers to open a candidate in a new tab but no merge for a draft that does not exist yet', () => {
    const view = panel();
    const open = view.getAllByTestId('duplicate-open');
    expect(open.map((a) => a.getAttribute('href'))).toEqual([`/contacts/${twin.id}`]);
    expect(open[0]!.getAttribute('target')).toBe('_blank');
    expect(view.queryAllByTestId('duplicate-merge')).toHaveLength(0);
  });

  it('offers a merge of the edited record with a visible candidate', () => {
    const view = panel('00000000-0000-4000-8000-0000000000aa');
    expect(view.getByTestId('duplicate-merge').getAttribute('href')).toBe(`/contacts/merge?ids=00000000-0000-4000-8000-0000000000aa,${twin.id}`);
  });

  it('says how likely and why in words, and names no record the user may not see', () => {
    const view = panel();
    const [first, second] = view.getAllByTestId('duplicate-candidate');
    expect(first!.querySelector('[data-likelihood]')?.getAttribute('data-likelihood')).toBe('likely');
    expect([...first!.querySelectorAll('[data-rule]')].map((el) => el.textContent)).toEqual(['duplicates.reasons.email', 'duplicates.reasons.name']);
    expect(second!.textContent).toContain('duplicates.panel.hidden');
    expect(second!.querySelector('[data-likelihood]')?.getAttribute('data-likelihood')).toBe('possible');
    expect(second!.querySelector('a')).toBeNull();
  });

  it('answers save anyway or back to the draft', () => {
    const onAnswer = vi.fn();
    const view = panel(undefined, onAnswer);
    fireEvent.click(view.getByTestId('duplicate-save-anyway'));
    fireEvent.click(view.getByTestId('duplicate-back'));
    expect(onAnswer.mock.calls).toEqual([[true], [false]]);
  });
});
