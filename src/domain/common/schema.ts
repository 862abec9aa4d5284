import { z } from 'zod';

/**
 * Shared input types. Every string a client sends goes through one of the text types below, because
 * PostgreSQL refuses NUL in text (a 500 before this) and the other C0 controls have no place in a
 * name, an email or a search; every integer is bounded to its column so the OpenAPI document says so.
 */

export const INT4_MAX = 2147483647;

// Matching control characters is the point of these two patterns.
// eslint-disable-next-line no-control-regex
const singleLine = /^[^\u0000-\u001f\u007f]*$/;
// eslint-disable-next-line no-control-regex
const multiLine = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const singleLineMessage = 'Must not contain control characters (NUL, tab, line breaks and the like)';
const multiLineMessage = 'Must not contain control characters (NUL and the like); only tab and line breaks are allowed';
/** The messages above, so the web can show its own translation of them. */
export const controlCharacterMessages: readonly string[] = [singleLineMessage, multiLineMessage];

/** One line of text, untouched (passwords, tokens, cursors). */
export const rawText = () => z.string().regex(singleLine, singleLineMessage);

/** One line of text without surrounding spaces (names, emails, queries). */
export const text = () => z.string().trim().regex(singleLine, singleLineMessage);

/** Text that may hold tabs and line breaks (notes, descriptions). */
export const multilineText = () => z.string().regex(multiLine, multiLineMessage);

/** An int4 column (PostgreSQL `integer`). */
export const int4 = () => z.number().int().min(-INT4_MAX - 1).max(INT4_MAX);

/** A record's version: what the client edited, as sent back in `version` or `If-Match`. */
export const versionSchema = z.number().int().min(1).max(INT4_MAX);

/**
 * `If-Match: "3"` (or `W/"3"`, or a bare 3) → 3. One version only: a list or `*` cannot say which
 * version the client edited. Anything else, or a number beyond int4, is a 400 naming the header.
 */
export const ifMatchSchema = z
  .string()
  .regex(/^(?:W\/)?"?[0-9]{1,10}"?$/, 'Send the version you edited, as in the ETag: "3"')
  .transform((value) => Number(value.replace(/\D/g, '')))
  .pipe(versionSchema)
  .meta({ description: `The version you edited, as in the ETag ("3"); 1 to ${INT4_MAX}` });
