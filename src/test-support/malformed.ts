/**
 * Malformed values for the OpenAPI fuzz test: a fixed list (no random seed), chosen from what a hostile
 * client sends and what broke Kesher before (NUL, int4 overflow, forged cursors).
 */
const uuid = '00000000-0000-4000-8000-000000000000';
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const cursorOf = (value: unknown) => b64(JSON.stringify(value));

export const forgedCursors = [
  '!!!',
  b64('not json'),
  cursorOf([]),
  cursorOf(['a']),
  cursorOf(['a', 'not-a-uuid']),
  cursorOf(['a\u0000b', uuid]),
  cursorOf(['a', `${uuid}\u0000`]),
  cursorOf(['a', uuid, 'extra']),
  cursorOf([1, 2]),
  cursorOf([null, null]),
  cursorOf({ sortName: 'a', id: uuid }),
  cursorOf('a'),
  cursorOf(['x'.repeat(300), uuid]),
];

export const malformedStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001x',
  'x\u001b[31m',
  'x\u001f',
  'x\u007f',
  'line\nbreak',
  'tab\there',
  '\ud800',
  '💥'.repeat(60),
  'x'.repeat(10_000),
  'NaN',
  'Infinity',
  '-1',
  '0',
  '2147483648',
  '9007199254740993',
  '1e308',
  '0x10',
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  "'; drop table contacts; --",
  '%00',
  '../../etc/passwd',
  ...forgedCursors,
];

export const malformedNumbers = [0, -1, 1.5, 2147483647, 2147483648, -2147483649, 2 ** 53, 2 ** 53 + 2, 1e308, -1e308];

/** Values for a JSON body field: every JSON type, including the wrong ones. */
export const malformedJson: unknown[] = [
  null,
  true,
  ...malformedNumbers,
  ...malformedStrings,
  [],
  ['x'],
  [1, 2],
  {},
  { a: 1 },
];

/** What a header can carry at all (Node refuses control characters other than tab in header values). */
export const malformedHeaders = [
  ...malformedStrings.filter((v) => /^[\t\x20-\x7e]*$/.test(v)),
  '"2147483648"',
  '"9007199254740993"',
  'W/"-1"',
  '"1e308"',
  '*',
  '"1", "2"',
];
