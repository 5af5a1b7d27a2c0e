/** How members look to people: shared by the read and write handlers. */
import type { Member, MemberDetail } from '../../domain/org.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { paint, type Column } from '../output.js';

export function memberStatusLabel(m: Pick<Member, 'status' | 'archived'>): string {
  if (m.archived) return paint.dim(t('status.archived'));
  const label = t(`status.${m.status}` as MessageKey);
  return m.status === 'active' ? label : paint.warn(label);
}

export const memberColumns: Column<Member>[] = [
  { header: 'col.handle', value: (m) => m.handle },
  { header: 'col.fullName', value: (m) => m.name },
  { header: 'col.role', value: (m) => m.role, priority: 1 },
  { header: 'col.dept', value: (m) => m.department, priority: 3 },
  { header: 'col.manager', value: (m) => m.manager, priority: 4 },
  { header: 'col.shift', value: (m) => m.shift, priority: 5 },
  { header: 'col.status', value: memberStatusLabel, plain: (m) => t(m.archived ? 'status.archived' : (`status.${m.status}` as MessageKey)), priority: 2 },
  { header: 'col.hireDate', value: (m) => m.hireDate, priority: 6 },
];

export async function renderMember(m: MemberDetail): Promise<string> {
  const { renderFields } = await import('../table.js');
  return renderFields([
    ['col.handle', m.handle],
    ['col.fullName', m.name],
    ['col.role', m.role],
    ['col.dept', m.department],
    ['col.manager', m.manager],
    ['col.reports', m.reports.map((r) => `${r.name} (${r.handle})`).join(', ')],
    ['col.shift', m.shift],
    ['col.status', memberStatusLabel(m)],
    ['col.hireDate', m.hireDate],
    ['col.contact', m.contact],
    ...(m.archivedAt ? ([['col.archivedAt', m.archivedAt.slice(0, 10)]] as const) : []),
  ]);
}
