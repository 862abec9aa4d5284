import { ContactPrivacy } from '../privacy/index.js';
import { useCard } from './CardContext.js';

/** The contact card's privacy section: consents, "do not contact", export and erasure (features/privacy). */
export function PrivacySection() {
  const { record, save } = useCard();
  return <ContactPrivacy contactId={record.id} name={record.name ?? ''} version={record.version} save={save} />;
}
