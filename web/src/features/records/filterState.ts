import type { FilterCondition, FilterNode, FilterOp } from './types.js';

/** One condition row of the filter builder; `op` and `value` may still be unfinished. */
export interface BuilderCondition {
  id: string;
  kind: 'condition';
  field: string;
  op: FilterOp | '';
  value: unknown;
}
/** An AND/OR group of conditions and groups. */
export interface BuilderGroup {
  id: string;
  kind: 'group';
  combinator: 'and' | 'or';
  children: BuilderNode[];
}
export type BuilderNode = BuilderCondition | BuilderGroup;

let counter = 0;
const nextId = () => `n${++counter}`;

export const newCondition = (field = '', op: FilterOp | '' = ''): BuilderCondition => ({ id: nextId(), kind: 'condition', field, op, value: null });
export const newGroup = (combinator: 'and' | 'or' = 'and', children: BuilderNode[] = []): BuilderGroup => ({
  id: nextId(),
  kind: 'group',
  combinator,
  children,
});

const valueless: readonly string[] = ['empty', 'not_empty', 'owned_by_me', 'owned_by_my_team'];
/** Operators that take no value (empty, owned by me…). */
export const opNeedsValue = (op: string) => !valueless.includes(op);
/** Operators whose value is a list (in, not in) or a pair (between). */
export const opTakesList = (op: string) => op === 'in' || op === 'not_in';

const filled = (v: unknown) => v !== null && v !== undefined && v !== '' && !(typeof v === 'number' && Number.isNaN(v));

function conditionComplete(c: BuilderCondition): boolean {
  if (!c.field || !c.op) return false;
  if (!opNeedsValue(c.op)) return true;
  if (c.op === 'between') return Array.isArray(c.value) && c.value.length === 2 && c.value.every(filled);
  if (opTakesList(c.op)) return Array.isArray(c.value) && c.value.length > 0;
  return filled(c.value);
}

/** The contract's filter JSON for the builder's state; unfinished conditions and empty groups are left out. */
export function toFilterJson(node: BuilderNode): FilterNode | null {
  if (node.kind === 'condition') {
    if (!conditionComplete(node)) return null;
    const condition: FilterCondition = { field: node.field, op: node.op as FilterOp };
    if (opNeedsValue(node.op)) condition.value = node.value;
    return condition;
  }
  const children = node.children.map(toFilterJson).filter((c): c is FilterNode => c !== null);
  if (children.length === 0) return null;
  if (children.length === 1) return children[0]!;
  return node.combinator === 'and' ? { and: children } : { or: children };
}

/** The builder's state for a filter JSON (from the URL or a view); the root is always a group. */
export function fromFilterJson(filter: unknown): BuilderGroup {
  const node = toBuilder(filter);
  if (!node) return newGroup();
  return node.kind === 'group' ? node : newGroup('and', [node]);
}

function toBuilder(filter: unknown): BuilderNode | null {
  if (!filter || typeof filter !== 'object') return null;
  const f = filter as Record<string, unknown>;
  if (Array.isArray(f.and) || Array.isArray(f.or)) {
    const combinator = Array.isArray(f.and) ? 'and' : 'or';
    const children = (f[combinator] as unknown[]).map(toBuilder).filter((c): c is BuilderNode => c !== null);
    return newGroup(combinator, children);
  }
  if (typeof f.field === 'string' && typeof f.op === 'string') {
    return { ...newCondition(f.field, f.op as FilterOp), value: f.value ?? null };
  }
  return null;
}

/** The tree with the node `id` replaced by what `change` makes of it (null removes it). */
export function mapNode(root: BuilderGroup, id: string, change: (node: BuilderNode) => BuilderNode | null): BuilderGroup {
  const walk = (node: BuilderNode): BuilderNode | null => {
    if (node.id === id) return change(node);
    if (node.kind === 'condition') return node;
    return { ...node, children: node.children.map(walk).filter((c): c is BuilderNode => c !== null) };
  };
  return (walk(root) as BuilderGroup | null) ?? newGroup();
}

/** Adds a child (condition or group) to the group `groupId`. */
export const addChild = (root: BuilderGroup, groupId: string, child: BuilderNode) =>
  mapNode(root, groupId, (node) => (node.kind === 'group' ? { ...node, children: [...node.children, child] } : node));

/** How many finished conditions the filter has (for the button's badge). */
export function countConditions(filter: FilterNode | null | undefined): number {
  if (!filter) return 0;
  if ('and' in filter) return filter.and.reduce((n, c) => n + countConditions(c), 0);
  if ('or' in filter) return filter.or.reduce((n, c) => n + countConditions(c), 0);
  return 1;
}
