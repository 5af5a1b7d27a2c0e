/** buildIcs over plain events, read back by ical.js: zones, rules, exceptions, overrides, Chinese text, folding, stable output. */
import { describe, expect, it } from 'vitest';
import { buildIcs, type IcsEvent } from '../../../src/reports/ics.js';
import { occurrences, parseIcs } from '../ical.js';

const NOW = new Date('2026-11-23T08:30:00Z');
const build = (events: readonly IcsEvent[], name = 'Team') => buildIcs(events, { name, now: NOW });

const morning: IcsEvent = { uid: 'meeting-1-v1@team', summary: '早会', start: '2026-11-23T09:00', zone: 'Asia/Shanghai', durationMin: 15, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', exdates: ['2026-11-25T09:00'] };
const moved: IcsEvent = { uid: 'meeting-1-v1@team', summary: '早会', start: '2026-11-26T14:30', zone: 'Asia/Shanghai', durationMin: 15, recurrenceId: '2026-11-26T09:00' };
const ny: IcsEvent = { uid: 'meeting-2-v2@team', summary: 'NY sync', start: '2027-03-12T08:00', zone: 'America/New_York', durationMin: 30, rrule: 'FREQ=DAILY;UNTIL=20270316T120000Z' };
const due: IcsEvent = { uid: 'goal-7@team', summary: '截止：双11 GMV ¥3,000,000', description: '团队的目标 #7', start: '2026-12-31', allDay: true, lastModified: '2026-11-20T02:00:00.000Z' };

describe('buildIcs', () => {
  it('writes a VTIMEZONE for every zone used and times with their TZID', () => {
    const text = build([morning, ny, due, { uid: 'u@team', summary: 'utc', start: '2026-12-01T10:00', zone: 'UTC', durationMin: 60 }]);
    const p = parseIcs(text);
    expect(p.zones.sort()).toEqual(['America/New_York', 'Asia/Shanghai']);
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20261123T090000');
    expect(text).toContain('DTSTART:20261201T100000Z');
    expect(text).toContain('DTSTAMP:20261123T083000Z');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*\r\nEND:VCALENDAR\r\n$/);
    const first = p.events.find((e) => e.uid === morning.uid)!;
    expect(first.startDate.toUnixTime()).toBe(Date.UTC(2026, 10, 23, 1) / 1000);
    expect(first.duration.toSeconds()).toBe(15 * 60);
  });

  it('expands RRULE with EXDATE and a RECURRENCE-ID override, across a DST change', () => {
    const got = occurrences(parseIcs(build([morning, moved, ny])), '2026-11-23', '2027-12-31');
    expect(got.filter((o) => o.uid === morning.uid && o.date <= '2026-11-27').map((o) => o.startsAt)).toEqual(['2026-11-23T01:00:00.000Z', '2026-11-24T01:00:00.000Z', '2026-11-26T06:30:00.000Z', '2026-11-27T01:00:00.000Z']);
    // 08:00 in New York is 13:00 UTC before 14 March 2027 and 12:00 after; UNTIL is inclusive.
    expect(got.filter((o) => o.uid === ny.uid).map((o) => [o.startsAt, o.endsAt])).toEqual([
      ['2027-03-12T13:00:00.000Z', '2027-03-12T13:30:00.000Z'],
      ['2027-03-13T13:00:00.000Z', '2027-03-13T13:30:00.000Z'],
      ['2027-03-14T12:00:00.000Z', '2027-03-14T12:30:00.000Z'],
      ['2027-03-15T12:00:00.000Z', '2027-03-15T12:30:00.000Z'],
      ['2027-03-16T12:00:00.000Z', '2027-03-16T12:30:00.000Z'],
    ]);
  });

  it('writes all-day events as dates, EXDATE of the same type, and LAST-MODIFIED in UTC', () => {
    const weekly: IcsEvent = { uid: 'w@team', summary: 'w', start: '2026-12-07', allDay: true, rrule: 'FREQ=WEEKLY;COUNT=3', exdates: ['2026-12-14'] };
    const text = build([due, weekly]);
    expect(text).toContain('DTSTART;VALUE=DATE:20261231');
    expect(text).toContain('DTEND;VALUE=DATE:20270101');
    expect(text).toContain('EXDATE;VALUE=DATE:20261214');
    expect(text).toContain('LAST-MODIFIED:20261120T020000Z');
    expect(occurrences(parseIcs(text), '2026-12-01', '2026-12-31').filter((o) => o.uid === 'w@team').map((o) => o.date)).toEqual(['2026-12-07', '2026-12-21']);
  });

  it('keeps Chinese text, escapes , ; \\ and newlines, and folds lines at 75 octets without splitting a character', () => {
    const long = '客服部本月目标：首次响应时间≤30秒，差评率<1%；大促期间全员在线\n第二行, 逗号; 分号 \\ 反斜杠'.repeat(4);
    const text = build([{ ...due, description: long, location: '3楼会议室，A区' }], '团队日历');
    expect(text).toContain('X-WR-CALNAME:团队日历');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    const e = parseIcs(text).events[0]!;
    expect(e.summary).toBe('截止：双11 GMV ¥3,000,000');
    expect(e.description).toBe(long);
    expect(e.location).toBe('3楼会议室，A区');
  });

  it('gives the same text for the same events, and a valid empty calendar for none', () => {
    expect(build([morning, moved, ny, due])).toBe(build([morning, moved, ny, due]));
    const empty = build([]);
    expect(parseIcs(empty).events).toEqual([]);
    expect(empty).toContain('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n');
  });

  it('names a zone Node spells the old way with the VTIMEZONE of its new name', () => {
    const text = build([{ uid: 's@team', summary: 's', start: '2026-12-01T09:00', zone: 'Asia/Saigon', durationMin: 60 }]);
    const p = parseIcs(text);
    expect(p.zones).toEqual(['Asia/Saigon']);
    expect(p.events[0]!.startDate.toUnixTime()).toBe(Date.UTC(2026, 11, 1, 2) / 1000);
  });

  it("never reads the machine's zone: a wall time in its gap is written as given", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      // 02:30 on 14 March 2027 does not exist in New York; it does in Shanghai.
      const text = build([{ uid: 'g@team', summary: 'g', start: '2027-03-14T02:30', zone: 'Asia/Shanghai', durationMin: 30, rrule: 'FREQ=DAILY;COUNT=2', exdates: ['2027-03-15T02:30'] }]);
      expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20270314T023000');
      expect(text).toContain('EXDATE;TZID=Asia/Shanghai:20270315T023000');
    } finally {
      process.env.TZ = before;
    }
  });
});
