import type { ComponentType } from 'react';
import type { CardRecordType } from './api.js';
import type { CardContextValue } from './CardContext.js';
import { CompanyPeopleSection } from './CompanyPeopleSection.js';
import { ContactCompaniesSection } from './ContactCompaniesSection.js';
import { CustomFieldsSection, DetailsSection } from './FieldsSection.js';
import { PrivacySection } from './PrivacySection.js';

/**
 * The card's sections, in order. A new record feature (deals, tickets, purchases) adds one entry
 * here: a component that reads the card from useCard() and runs its own query.
 */
export interface CardSection {
  id: string;
  titleKey: 'card.sections.details' | 'card.sections.custom' | 'card.sections.companies' | 'card.sections.people' | 'privacy.title';
  appliesTo: readonly CardRecordType[];
  Component: ComponentType;
  /** Hidden when there is nothing to show (e.g. no custom fields defined yet). */
  hidden?: (card: CardContextValue) => boolean;
}

export const cardSections: readonly CardSection[] = [
  { id: 'details', titleKey: 'card.sections.details', appliesTo: ['contact', 'company'], Component: DetailsSection },
  {
    id: 'custom',
    titleKey: 'card.sections.custom',
    appliesTo: ['contact', 'company'],
    Component: CustomFieldsSection,
    hidden: (card) => !card.fields.some((f) => f.custom),
  },
  { id: 'companies', titleKey: 'card.sections.companies', appliesTo: ['contact'], Component: ContactCompaniesSection },
  { id: 'people', titleKey: 'card.sections.people', appliesTo: ['company'], Component: CompanyPeopleSection },
  { id: 'privacy', titleKey: 'privacy.title', appliesTo: ['contact'], Component: PrivacySection },
];

export const sectionsFor = (card: CardContextValue) =>
  cardSections.filter((s) => s.appliesTo.includes(card.recordType) && !s.hidden?.(card));
