/*
 * Where a hit leads. Every record type's card is /<plural>/:id and its list /<plural> (the router's
 * contacts and companies today; deals, tickets and products follow the same shape when they come).
 */
export const cardPath = (plural: string, id: string) => `/${plural}/${encodeURIComponent(id)}`;

/** The type's list, searched for the same text (the list reads ?q= and uses the same engine). */
export const listPath = (plural: string, q: string) => `/${plural}?${new URLSearchParams({ q }).toString()}`;
