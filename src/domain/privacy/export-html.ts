import type { SubjectAccessExport } from './export.js';

const labels = {
  en: {
    title: 'Personal data held about',
    exported: 'Exported',
    record: 'Record',
    customFields: 'Custom fields',
    companies: 'Companies',
    activities: 'Activities',
    consents: 'Consents',
    audit: 'History of changes',
    merges: 'Merges',
    duplicates: 'Duplicate decisions',
    none: 'None',
    print: 'To keep a PDF copy, use the browser’s Print and choose “Save as PDF”.',
    columns: { field: 'Field', value: 'Value', when: 'When', kind: 'Kind', subject: 'Subject', content: 'Content', channel: 'Channel', status: 'Status', method: 'How', evidence: 'Evidence', by: 'By', action: 'Action', changes: 'Changes', name: 'Name', role: 'Role' },
  },
  he: {
    title: 'מידע אישי שנשמר על',
    exported: 'יוצא',
    record: 'רשומה',
    customFields: 'שדות מותאמים',
    companies: 'חברות',
    activities: 'פעילויות',
    consents: 'הסכמות',
    audit: 'היסטוריית שינויים',
    merges: 'מיזוגים',
    duplicates: 'החלטות כפילות',
    none: 'אין',
    print: 'לשמירת עותק PDF: הדפסה בדפדפן ובחירה ב„שמירה כ-PDF”.',
    columns: { field: 'שדה', value: 'ערך', when: 'מתי', kind: 'סוג', subject: 'נושא', content: 'תוכן', channel: 'ערוץ', status: 'מצב', method: 'אופן', evidence: 'ראיה', by: 'על ידי', action: 'פעולה', changes: 'שינויים', name: 'שם', role: 'תפקיד' },
  },
} as const;

const escape = (value: unknown) =>
  (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

function table(headers: string[], rows: unknown[][], none: string) {
  if (rows.length === 0) return `<p>${escape(none)}</p>`;
  const head = headers.map((h) => `<th scope="col">${escape(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** One line per changed field: "city: Haifa → Eilat". */
function describeChanges(changes: unknown) {
  if (!Array.isArray(changes)) return show(changes);
  return changes.map((c: { field?: unknown; old?: unknown; new?: unknown }) => `${String(c.field)}: ${show(c.old)} → ${show(c.new)}`).join('\n');
}

/** The export as a printable page, Hebrew right to left or English left to right. */
export function renderExportHtml(data: SubjectAccessExport, lang: 'he' | 'en'): string {
  const t = labels[lang];
  const c = t.columns;
  const name = `${String(data.contact.firstName ?? '')} ${String(data.contact.lastName ?? '')}`.trim();
  const section = (title: string, content: string) => `<section><h2>${escape(title)}</h2>${content}</section>`;
  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'he' ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(`${t.title} ${name}`)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #111; }
table { border-collapse: collapse; inline-size: 100%; margin-block-end: 1rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: start; vertical-align: top; white-space: pre-wrap; overflow-wrap: anywhere; }
th { background: #f1f3f5; }
.note { color: #555; }
@media print { .note { display: none; } }
@media (max-width: 40rem) { body { margin: 0.75rem; } table { display: block; overflow-x: auto; } }
</style></head>
<body>
<h1>${escape(`${t.title} ${name}`)}</h1>
<p>${escape(t.exported)}: ${escape(data.exportedAt)} · ${escape(data.format)} v${data.version}</p>
<p class="note">${escape(t.print)}</p>
${section(t.record, table([c.field, c.value], Object.entries(data.contact), t.none))}
${section(t.customFields, table([c.field, c.value], data.customFields.map((f) => [lang === 'he' ? f.labelHe : f.labelEn, f.value]), t.none))}
${section(t.companies, table([c.name, c.role], data.companies.map((x) => [x.name, x.role]), t.none))}
${section(t.activities, table([c.when, c.kind, c.subject, c.content], data.activities.map((a) => [a.occurredAt, a.kind, a.subject, a.body]), t.none))}
${section(t.consents, table([c.when, c.channel, c.status, c.method, c.evidence, c.by], data.consents.map((x) => [x.recordedAt, x.channel, x.status, x.method, x.evidence, x.recordedByName]), t.none))}
${section(t.audit, table([c.when, c.by, c.action, c.changes], data.audit.map((a) => [a.at, a.actorName, a.action, describeChanges(a.changes)]), t.none))}
${section(t.merges, table([c.value], data.merges.map((m) => [m]), t.none))}
${section(t.duplicates, table([c.value], data.duplicateDecisions.map((d) => [d]), t.none))}
</body></html>`;
}
