/** How members look to people: shared by the read and write handlers. */
import type { Member, MemberDetail } from './rules/org.js';
import { t } from '../i18n/index.js';
import { MEMBER_STATUS_LABEL, shiftKey } from './labels.js';
import { paint, type Column } from '../cli/output.js';

/** A shift in words: the usual ones translated, free text as typed. */
export function shiftText(shift: string | null): string | null {
  if (shift === null) return null;
  const key = shiftKey(shift);
  return key ? t(key) : shift;
}

export function memberStatusLabel(m: Pick<Member, 'status' | 'archived'>): string {
  if (m.archived) return paint.dim(t('status.archived'));
  const label = t(MEMBER_STATUS_LABEL[m.status]);
  return m.status === 'active' ? label : paint.warn(label);
}

export const memberColumns: Column<Member>[] = [
  { header: 'col.handle', value: (m) => m.handle },
  { header: 'col.fullName', value: (m) => m.name },
  { header: 'col.role', value: (m) => m.role },
  { header: 'col.dept', value: (m) => m.department },
  { header: 'col.manager', value: (m) => m.manager },
  { header: 'col.shift', value: (m) => shiftText(m.shift) },
  { header: 'col.status', value: memberStatusLabel, plain: (m) => t(m.archived ? 'status.archived' : MEMBER_STATUS_LABEL[m.status]) },
  { header: 'col.hireDate', value: (m) => m.hireDate },
];

export async function renderMember(m: MemberDetail): Promise<string> {
  const { renderFields } = await import('../cli/table.js');
  return renderFields([
    ['col.handle', m.handle],
    ['col.fullName', m.name],
    ['col.role', m.role],
    ['col.dept', m.department],
    ['col.manager', m.manager],
    ['col.reports', m.reports.map((r) => `${r.name} (${r.handle})`).join(', ')],
    ['col.shift', shiftText(m.shift)],
    ['col.status', memberStatusLabel(m)],
    ['col.hireDate', m.hireDate],
    ['col.contact', m.contact],
    ...(m.archivedAt ? ([['col.archivedAt', m.archivedAt.slice(0, 10)]] as const) : []),
  ]);
}
