/** How members look to people: shared by the read and write handlers. */
import type { Member, MemberDetail } from './rules/org.js';
import { t } from '../i18n/index.js';
import { MEMBER_STATUS_LABEL, shiftKey } from './labels.js';
import { paint, terminalWidth, type Column } from '../cli/output.js';

/** A shift in words: the usual ones translated, free text as typed. */
export function shiftText(shift: string | null): string | null {
  if (shift === null) return null;
  const key = shiftKey(shift);
  return key ? t(key) : shift;
}

export function memberStatusLabel(m: Pick<Member, 'status' | 'archived'>): string {
  if (m.archived) return paint.dim(t('org.status.archived'));
  const label = t(MEMBER_STATUS_LABEL[m.status]);
  return m.status === 'active' ? label : paint.warn(label);
}

export const memberColumns: Column<Member>[] = [
  { header: 'org.col.handle', value: (m) => m.handle },
  { header: 'org.col.fullName', value: (m) => m.name },
  { header: 'org.col.role', value: (m) => m.role, priority: 1 },
  { header: 'org.col.dept', value: (m) => m.department, priority: 3 },
  { header: 'org.col.manager', value: (m) => m.manager, priority: 4 },
  { header: 'org.col.shift', value: (m) => shiftText(m.shift), priority: 5 },
  { header: 'org.col.status', value: memberStatusLabel, plain: (m) => t(m.archived ? 'org.status.archived' : MEMBER_STATUS_LABEL[m.status]), priority: 2 },
  { header: 'org.col.hireDate', value: (m) => m.hireDate, priority: 6 },
];

export async function renderMember(m: MemberDetail): Promise<string> {
  const { renderFields } = await import('../cli/table.js');
  return renderFields([
    ['org.col.handle', m.handle],
    ['org.col.fullName', m.name],
    ['org.col.role', m.role],
    ['org.col.dept', m.department],
    ['org.col.manager', m.manager],
    ['org.col.reports', m.reports.map((r) => `${r.name} (${r.handle})`).join(', ')],
    ['org.col.shift', shiftText(m.shift)],
    ['org.col.status', memberStatusLabel(m)],
    ['org.col.hireDate', m.hireDate],
    ['org.col.contact', m.contact],
    ...(m.archivedAt ? ([['org.col.archivedAt', m.archivedAt.slice(0, 10)]] as const) : []),
  ], { width: terminalWidth() });
}
