/**
 * Migration 2026-12-05-meeting-rule-days on every engine: the stored months of
 * rule dates, JSON arrays before it, become a bit a day, row for row, and
 * reading them gives the dates they held.
 */
import { expect, it } from 'vitest';
import { m20261205MeetingRuleDays } from '../../../src/meetings/migrations/2026-12-05-meeting-rule-days.js';
import { listRuleMonths } from '../../../src/meetings/repository.js';
import { describeEngines } from '../../engines.js';

describeEngines('stored rule months become days', (fresh) => {
  it('converts every row: the dates of a month as its day bits (none: 0), the 31st included', async () => {
    const db = await fresh();
    // The table as the migrations before this one left it.
    await db.run('alter table meeting_rule_dates drop column days');
    await db.run(`alter table meeting_rule_dates add column dates text not null default '[]'`);
    const rows: [string, string, string[]][] = [
      ['FREQ=WEEKLY;BYDAY=MO', '2026-12', ['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']],
      ['FREQ=MONTHLY;BYMONTHDAY=-1', '2026-12', ['2026-12-31']],
      ['FREQ=MONTHLY;BYMONTHDAY=1', '2027-01', ['2027-01-01']],
      ['FREQ=YEARLY;BYMONTH=3', '2027-01', []],
    ];
    for (const [rrule, month, dates] of rows) await db.run('insert into meeting_rule_dates (starts_on, rrule, month, dates) values (?, ?, ?, ?)', ['2026-11-23', rrule, month, JSON.stringify(dates)]);
    for (const statement of m20261205MeetingRuleDays[db.dialect] ?? []) await db.run(statement);
    const stored = await listRuleMonths(db, ['2026-12', '2027-01']);
    const datesOf = (month: string, days: number) => Array.from({ length: 31 }, (_, i) => i).filter((i) => (days >>> i) & 1).map((i) => `${month}-${String(i + 1).padStart(2, '0')}`);
    expect(stored.map((r) => [r.rrule, r.month, datesOf(r.month, r.days)]).sort()).toEqual(rows.map((r) => [...r]).sort());
    expect(stored.find((r) => r.rrule === 'FREQ=MONTHLY;BYMONTHDAY=-1')!.days).toBe(1 << 30);
    // The JSON column is gone.
    await expect(db.all('select dates from meeting_rule_dates')).rejects.toThrow();
  });
});
