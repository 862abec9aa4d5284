import { describe, expect, it } from 'vitest';
import { addChild, countConditions, fromFilterJson, mapNode, newCondition, newGroup, toFilterJson, type BuilderCondition } from './filterState.js';

const condition = (field: string, op: BuilderCondition['op'], value: unknown = null): BuilderCondition => ({ ...newCondition(field, op), value });

describe('filter builder state', () => {
  it('turns an AND group with a nested OR group into the contract JSON', () => {
    const root = newGroup('and', [
      condition('stage', 'eq', 'lead'),
      newGroup('or', [condition('city', 'contains', 'Haifa'), condition('custom.cf_source', 'in', ['opt1', 'opt2'])]),
      condition('createdAt', 'within_last_days', 30),
    ]);
    expect(toFilterJson(root)).toEqual({
      and: [
        { field: 'stage', op: 'eq', value: 'lead' },
        { or: [{ field: 'city', op: 'contains', value: 'Haifa' }, { field: 'custom.cf_source', op: 'in', value: ['opt1', 'opt2'] }] },
        { field: 'createdAt', op: 'within_last_days', value: 30 },
      ],
    });
  });

  it('leaves out unfinished conditions and empty groups, and unwraps a group of one', () => {
    const root = newGroup('or', [
      condition('city', 'eq', ''),
      condition('', ''),
      condition('birthday', 'between', ['2000-01-01', '']),
      newGroup('and', []),
      condition('tags', 'has_tag', 'vip'),
    ]);
    expect(toFilterJson(root)).toEqual({ field: 'tags', op: 'has_tag', value: 'vip' });
    expect(toFilterJson(newGroup())).toBeNull();
  });

  it('sends no value for operators that take none', () => {
    expect(toFilterJson(newGroup('and', [condition('ownerId', 'owned_by_me', 'stale'), condition('email', 'empty')]))).toEqual({
      and: [{ field: 'ownerId', op: 'owned_by_me' }, { field: 'email', op: 'empty' }],
    });
  });

  it('reads back the JSON it wrote', () => {
    const json = { or: [{ field: 'stage', op: 'in', value: ['lead', 'customer'] }, { and: [{ field: 'tags', op: 'lacks_tag', value: 'x' }, { field: 'email', op: 'not_empty' }] }] };
    expect(toFilterJson(fromFilterJson(json))).toEqual(json);
    expect(toFilterJson(fromFilterJson({ field: 'city', op: 'eq', value: 'Tel Aviv' }))).toEqual({ field: 'city', op: 'eq', value: 'Tel Aviv' });
    expect(fromFilterJson('nonsense').children).toEqual([]);
  });

  it('adds, changes and removes nodes without touching the others', () => {
    let root = newGroup('and', [condition('city', 'eq', 'Haifa')]);
    const added = condition('stage', 'eq', 'lead');
    root = addChild(root, root.id, added);
    root = mapNode(root, added.id, (n) => ({ ...n, value: 'customer' }) as BuilderCondition);
    expect(countConditions(toFilterJson(root))).toBe(2);
    root = mapNode(root, root.children[0]!.id, () => null);
    expect(toFilterJson(root)).toEqual({ field: 'stage', op: 'eq', value: 'customer' });
  });
});
