/** sortReminders: by date, time (none first), kind, title, reference: the same order whatever came in. */
import { describe, expect, it } from 'vitest';
import { sortReminders, type RemindItem, type RemindKind } from '../../../src/reports/rules/remind.js';

const item = (kind: RemindKind, date: string, time: string | null, title: string, ref = `${kind} ${title}`): RemindItem => ({ kind, date, time, startsAt: null, endsAt: null, zone: null, title, owner: null, overdue: kind.endsWith('Overdue'), ref, detail: {} });

describe('sortReminders', () => {
  const items = [
    item('meeting', '2026-11-30', '10:00', 'Weekly'),
    item('goalDue', '2026-11-30', null, 'B goal'),
    item('meeting', '2026-11-30', '09:00', 'Morning'),
    item('goalOverdue', '2026-11-13', null, 'Late'),
    item('actionDue', '2026-11-30', null, 'A task'),
    item('evaluation', '2026-11-30', null, '2026-11'),
    item('goalDue', '2026-11-30', null, 'A goal'),
    item('goalDue', '2026-11-30', null, 'A goal', 'goal 1'),
    item('session', '2026-11-30', '09:00', 'Class'),
  ];
  const order = ['goalOverdue Late', 'evaluation 2026-11', 'goal 1', 'goalDue A goal', 'goalDue B goal', 'actionDue A task', 'meeting Morning', 'session Class', 'meeting Weekly'];

  it('by date, the untimed first, then time, kind order, title and reference', () => {
    expect(sortReminders([...items]).map((i) => i.ref)).toEqual(order);
  });

  it('is the same for any input order', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const shuffled = [...items].sort((a, b) => ((a.ref.length * 7919 + seed * b.title.length) % 5) - 2);
      expect(sortReminders(shuffled).map((i) => i.ref)).toEqual(order);
      expect(sortReminders([...items].reverse()).map((i) => i.ref)).toEqual(order);
    }
  });

  it('an empty list stays empty', () => {
    expect(sortReminders([])).toEqual([]);
  });
});
