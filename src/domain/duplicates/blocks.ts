/**
 * Records grouped by the blocking keys they share, held as flat integer arrays: at a million records
 * there are tens of millions of (record, key) references, too many for a Set of pairs or a JS array each.
 */
export interface BlockIndex {
  /** Record i's compared key ids, ascending: keyIds[keyStart[i] .. keyStart[i + 1]). */
  keyStart: Int32Array;
  keyIds: Int32Array;
  /** Block k's records, ascending: members[blockStart[k] .. blockStart[k + 1]). */
  blockStart: Int32Array;
  members: Int32Array;
  /** Blocks left out because they stayed over the size limit. */
  skippedBlocks: number;
}

/** A growable Int32Array (a JS array of numbers costs twice the memory and grows by copying too). */
interface Ints {
  data: Int32Array;
  length: number;
}

function push(ints: Ints, v: number) {
  if (ints.length === ints.data.length) {
    const bigger = new Int32Array(ints.data.length * 2);
    bigger.set(ints.data);
    ints.data = bigger;
  }
  ints.data[ints.length++] = v;
}

/**
 * Blocks of the records' keys. A block over maxBlock records is not compared as one: each of its records
 * is put instead in narrower blocks, the block's key combined with each of the record's `narrower` keys;
 * a narrower block still over maxBlock is skipped. Keys are numbered in the order first seen.
 */
export function indexBlocks(
  count: number,
  keysOf: (record: number) => readonly string[],
  options: { maxBlock: number; narrower?: (record: number) => readonly string[] },
): BlockIndex {
  const ids = new Map<string | number, number>();
  let keys = 0;
  const idOf = (key: string | number) => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = keys++));
    return id;
  };
  let lists = collect(count, (i, add) => {
    for (const key of keysOf(i)) add(idOf(key));
  });
  let sizes = blockSizes(lists.keyIds, keys);
  const { narrower, maxBlock } = options;
  if (narrower) {
    const before = lists;
    const bigSizes = sizes;
    // A narrower block is named by two numbers (its big key's id, the narrower key's id), not a string.
    const narrowIds = new Map<string, number>();
    const narrowIdOf = (key: string) => {
      let id = narrowIds.get(key);
      if (id === undefined) narrowIds.set(key, (id = narrowIds.size));
      return id;
    };
    lists = collect(count, (i, add) => {
      let mine: number[] | null = null;
      eachKey(before, i, (id) => {
        if (bigSizes[id]! <= maxBlock) return add(id);
        mine ??= narrower(i).map(narrowIdOf);
        for (const n of mine) add(idOf(-1 - (id * 2 ** 24 + n)));
      });
    });
    sizes = blockSizes(lists.keyIds, keys);
  }
  let skippedBlocks = 0;
  for (let k = 0; k < keys; k++) if (sizes[k]! > maxBlock) skippedBlocks++;
  // Skipped keys leave the records' lists, so that the first shared key of a pair is always one compared.
  const all = lists;
  const { keyStart, keyIds } = collect(count, (i, add) => eachKey(all, i, (id) => sizes[id]! <= maxBlock && add(id)));
  const blockStart = new Int32Array(keys + 1);
  for (const id of keyIds) blockStart[id + 1]!++;
  for (let k = 0; k < keys; k++) blockStart[k + 1]! += blockStart[k]!;
  const fill = blockStart.slice(0, keys);
  const members = new Int32Array(keyIds.length);
  for (let i = 0; i < count; i++) for (let j = keyStart[i]!; j < keyStart[i + 1]!; j++) members[fill[keyIds[j]!]!++] = i;
  return { keyStart, keyIds, blockStart, members, skippedBlocks };
}

type Lists = Pick<BlockIndex, 'keyStart' | 'keyIds'>;

function eachKey(lists: Lists, record: number, use: (id: number) => void) {
  for (let j = lists.keyStart[record]!; j < lists.keyStart[record + 1]!; j++) use(lists.keyIds[j]!);
}

/** Each record's distinct key ids, ascending, in one flat array. */
function collect(count: number, keysOf: (record: number, add: (id: number) => void) => void): Lists {
  const keyStart = new Int32Array(count + 1);
  const all: Ints = { data: new Int32Array(1 << 16), length: 0 };
  const add = (id: number) => push(all, id);
  for (let i = 0; i < count; i++) {
    const from = all.length;
    keysOf(i, add);
    const mine = all.data.subarray(from, all.length).sort();
    let kept = 0;
    for (let j = 0; j < mine.length; j++) if (j === 0 || mine[j] !== mine[j - 1]) mine[kept++] = mine[j]!;
    all.length = from + kept;
    keyStart[i + 1] = all.length;
  }
  return { keyStart, keyIds: all.data.slice(0, all.length) };
}

function blockSizes(keyIds: Int32Array, keys: number) {
  const sizes = new Int32Array(keys);
  for (const id of keyIds) sizes[id]!++;
  return sizes;
}

/**
 * Calls `visit(a, b)` (a < b) once for each pair of records sharing a compared block: in the first
 * (lowest) key the two share, so that no set of compared pairs is kept (at a million records it would
 * pass the 2^24 entries a JS Set can hold).
 */
export function eachCandidatePair(index: BlockIndex, visit: (a: number, b: number) => void) {
  const { blockStart, members } = index;
  for (let key = 0; key + 1 < blockStart.length; key++) {
    const to = blockStart[key + 1]!;
    for (let x = blockStart[key]!; x < to; x++) {
      const a = members[x]!;
      for (let y = x + 1; y < to; y++) {
        const b = members[y]!;
        if (firstSharedKey(index, a, b, key)) visit(a, b);
      }
    }
  }
}

/** True when `key` is the lowest key records a and b share (both hold it). */
export function firstSharedKey(index: BlockIndex, a: number, b: number, key: number): boolean {
  const { keyStart, keyIds } = index;
  let i = keyStart[a]!;
  let j = keyStart[b]!;
  // Both lists hold `key`, so the walk stops at it or at a lower shared key.
  for (;;) {
    const x = keyIds[i]!;
    const y = keyIds[j]!;
    if (x === y) return x === key;
    if (x < y) i++;
    else j++;
  }
}
