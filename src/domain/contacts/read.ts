import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { loadContacts } from './load.js';
import type { Contact } from './schema.js';

/** The write path answers with the same JSON as the list and the card: the engine's loader, in the writer's transaction. */
export type ContactJson = Contact;

export const readContacts = (db: Db, ctx: Ctx, ids: string[]): Promise<ContactJson[]> => loadContacts({ ...ctx, db }, ids);

export async function readContact(db: Db, ctx: Ctx, id: string): Promise<ContactJson> {
  const [contact] = await loadContacts({ ...ctx, db }, [id]);
  if (!contact) throw notFound('Contact');
  return contact;
}
