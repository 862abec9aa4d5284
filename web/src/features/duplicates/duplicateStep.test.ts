import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../app/api.js';
import { saveWithDuplicateStep, touchesIdentity } from './duplicateStep.js';

const twin = { id: 'c1', type: 'contact', title: 'Dana Levi', subtitle: 'dana@example.com', score: 0.95, level: 'block', reasons: [{ rule: 'email', detail: null, weight: 0.6 }] };
const answer = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const raced = () => new ApiError(409, 'possible_duplicate' as never, 'Possible duplicate', [], undefined, { code: 'possible_duplicate', candidates: [twin] });

afterEach(() => vi.unstubAllGlobals());

describe('saveWithDuplicateStep', () => {
  it('saves without asking when the check finds nothing', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer({ candidates: [] })));
    const ask = vi.fn();
    const save = vi.fn(async (allow: boolean) => ({ allow }));
    expect(await saveWithDuplicateStep({ type: 'contact', record: { firstName: 'Dana' }, ask, save })).toEqual({ allow: false });
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks before saving, then saves anyway with duplicates allowed', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer({ candidates: [twin] })));
    const ask = vi.fn(async () => true);
    const save = vi.fn(async (allow: boolean) => ({ allow }));
    expect(await saveWithDuplicateStep({ type: 'contact', record: { firstName: 'Dana' }, ask, save })).toEqual({ allow: true });
    expect(ask).toHaveBeenCalledWith([expect.objectContaining({ id: 'c1', level: 'block' })]);
  });

  it('does not save when the user goes back to the draft', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer({ candidates: [twin] })));
    const save = vi.fn();
    expect(await saveWithDuplicateStep({ type: 'contact', record: {}, ask: async () => false, save })).toBeNull();
    expect(save).not.toHaveBeenCalled();
  });

  it('asks about the candidates of a 409 possible_duplicate and re-sends with duplicates allowed', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer({ candidates: [] })));
    const ask = vi.fn(async () => true);
    const save = vi.fn(async (allow: boolean) => {
      if (!allow) throw raced();
      return 'saved';
    });
    expect(await saveWithDuplicateStep({ type: 'contact', record: {}, ask, save })).toBe('saved');
    expect(save.mock.calls).toEqual([[false], [true]]);
    expect(ask).toHaveBeenCalledWith([expect.objectContaining({ title: 'Dana Levi' })]);
  });

  it('saves when the check itself fails, leaving the decision to the server', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer({ code: 'internal' }, 500)));
    const save = vi.fn(async () => 'saved');
    expect(await saveWithDuplicateStep({ type: 'company', record: { name: 'Acme' }, ask: vi.fn(), save })).toBe('saved');
  });

  it('skips the check for an edit that changes nothing a rule compares', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const patch = { stage: 'won' };
    await saveWithDuplicateStep({ type: 'contact', record: patch, id: 'c2', check: touchesIdentity(patch), ask: vi.fn(), save: async () => 'saved' });
    expect(fetch).not.toHaveBeenCalled();
    expect(touchesIdentity({ emails: [] })).toBe(true);
  });

  it('passes any other error through', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer({ candidates: [] })));
    const failure = new ApiError(400, 'validation_failed', 'Request is not valid');
    await expect(saveWithDuplicateStep({ type: 'contact', record: {}, ask: vi.fn(), save: () => Promise.reject(failure) })).rejects.toBe(failure);
  });
});
