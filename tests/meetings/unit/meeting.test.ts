/** The pure rules of meetings: versions and exceptions into occurrences, and the small languages of the log. */
import { describe, expect, it } from 'vitest';
import { inputError } from './errors.js';
import { isoAt, nextOccurrences, seriesOccurrences, seriesSlots, START_MS, type MeetingException, type ScheduleVersion } from '../../../src/meetings/rules/meeting.js';
import { byAttention, completionPct, expects, parseAction, parseDone, parsePlan, splitProblem, tally } from '../../../src/meetings/rules/minutes.js';

const WORKDAYS = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
const v = (over: Partial<ScheduleVersion> = {}): ScheduleVersion => ({ id: 1, validFrom: '2026-11-23', validUntil: null, startsOn: '2026-11-23', rrule: WORKDAYS, time: '09:00', durationMin: 15, zone: 'Asia/Shanghai', ...over });
const fails = (f: () => unknown) => inputError(f).key;

describe('seriesOccurrences', () => {
  it('each version covers its own dates, at its own time', () => {
    const versions = [v({ validUntil: '2026-11-24' }), v({ id: 2, validFrom: '2026-11-25', time: '09:30' })];
    expect(seriesOccurrences(1, versions, [], '2026-11-23', '2026-11-29').map((o) => [o.date, o.time, o.startsAt])).toEqual([
      ['2026-11-23', '09:00', '2026-11-23T01:00:00.000Z'],
      ['2026-11-24', '09:00', '2026-11-24T01:00:00.000Z'],
      ['2026-11-25', '09:30', '2026-11-25T01:30:00.000Z'],
      ['2026-11-26', '09:30', '2026-11-26T01:30:00.000Z'],
      ['2026-11-27', '09:30', '2026-11-27T01:30:00.000Z'],
    ]);
  });

  it('skips leave out; moves show at the new date, also when moved into or out of the window', () => {
    const ex = [
      { occursOn: '2026-11-24', kind: 'skip' as const, movedTo: null, movedTime: null },
      { occursOn: '2026-11-25', kind: 'move' as const, movedTo: '2026-11-28', movedTime: '10:00' },
      { occursOn: '2026-12-01', kind: 'move' as const, movedTo: '2026-11-29', movedTime: null },
    ];
    const occ = seriesOccurrences(1, [v()], ex, '2026-11-23', '2026-11-29');
    expect(occ.map((o) => [o.occursOn, o.date, o.time, o.movedFrom])).toEqual([
      ['2026-11-23', '2026-11-23', '09:00', null],
      ['2026-11-26', '2026-11-26', '09:00', null],
      ['2026-11-27', '2026-11-27', '09:00', null],
      ['2026-11-25', '2026-11-28', '10:00', '2026-11-25'],
      ['2026-12-01', '2026-11-29', '09:00', '2026-12-01'],
    ]);
    // Moved out of a window: gone from it.
    expect(seriesOccurrences(1, [v()], ex, '2026-11-25', '2026-11-25')).toEqual([]);
    expect(seriesOccurrences(1, [v()], ex, '2026-12-01', '2026-12-01')).toEqual([]);
  });

  it('slots are the same occurrences in the same order, start included, for versions, skips and moves in and out', () => {
    const versions = [v({ validUntil: '2026-11-24', zone: 'America/New_York' }), v({ id: 2, validFrom: '2026-11-25', time: '09:30' })];
    const ex: MeetingException[] = [
      { occursOn: '2026-11-24', kind: 'skip', movedTo: null, movedTime: null },
      { occursOn: '2026-11-26', kind: 'move', movedTo: '2026-11-28', movedTime: '07:00' },
      { occursOn: '2026-12-01', kind: 'move', movedTo: '2026-11-27', movedTime: null },
      { occursOn: '2026-11-20', kind: 'move', movedTo: '2026-12-02', movedTime: '08:00' },
    ];
    for (const [from, to] of [['2026-11-23', '2026-11-29'], ['2026-11-18', '2026-12-04'], ['2026-11-27', '2026-11-27']] as const) {
      for (const exceptions of [[], ex]) {
        const occurrences = seriesOccurrences(7, versions, exceptions, from, to);
        expect(occurrences.length).toBeGreaterThan(0);
        expect(seriesSlots(7, versions, exceptions, from, to).map((x) => [x.meetingId, x.occursOn, x.date, x[START_MS]])).toEqual(occurrences.map((x) => [x.meetingId, x.occursOn, x.date, x[START_MS]]));
      }
    }
  });

  it('ends and durations: the end time, an ended series, the next dates across months', () => {
    const [o] = seriesOccurrences(1, [v({ durationMin: 90 })], [], '2026-11-23', '2026-11-23');
    expect(o!.endsAt).toBe('2026-11-23T02:30:00.000Z');
    expect(nextOccurrences(1, [v({ validUntil: '2026-11-24' })], [], '2026-11-25', 3)).toEqual([]);
    const monthly = v({ rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1' });
    expect(nextOccurrences(1, [monthly], [], '2026-11-24', 4).map((x) => x.date)).toEqual(['2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01']);
  });
});

describe('what leads type in a log', () => {
  it('parses actions, with or without a due date, full-width punctuation too', () => {
    expect(parseAction('wu.xue: 回复差评 [2026-12-05]')).toEqual({ owner: 'wu.xue', text: '回复差评', due: '2026-12-05' });
    expect(parseAction('吴雪：整理模板【2026-12-05】')).toEqual({ owner: '吴雪', text: '整理模板', due: '2026-12-05' });
    expect(parseAction('li: book: the campaign')).toEqual({ owner: 'li', text: 'book: the campaign', due: null });
    expect(fails(() => parseAction('no owner here'))).toBe('meetings.err.actionOwner');
    expect(fails(() => parseAction(': text'))).toBe('meetings.err.actionOwner');
    expect(fails(() => parseAction('li: [2026-12-05]'))).toBe('meetings.err.actionText');
    expect(fails(() => parseAction('li: x [2026-02-29]'))).toBe('meetings.err.actionDue');
  });

  it('parses plans and done marks', () => {
    expect(parsePlan('li: a; b；c')).toEqual({ owner: 'li', items: ['a', 'b', 'c'] });
    expect(fails(() => parsePlan('li: ;'))).toBe('meetings.err.planEmpty');
    expect(parseDone('li: 3, 1，3')).toEqual({ owner: 'li', items: [1, 3] });
    expect(parseDone('li：全部')).toEqual({ owner: 'li', items: 'all' });
    expect(fails(() => parseDone('li: 0'))).toBe('meetings.err.doneItems');
    expect(fails(() => parseDone('li: one'))).toBe('meetings.err.doneItems');
  });

  it('a problem names a member only when the part before the colon is one', () => {
    const isMember = (s: string) => s === 'wu';
    expect(splitProblem('wu: 物流延迟', isMember)).toEqual({ owner: 'wu', text: '物流延迟' });
    expect(splitProblem('库存：缺货 3 款', isMember)).toEqual({ owner: null, text: '库存：缺货 3 款' });
    expect(fails(() => splitProblem('  ', isMember))).toBe('meetings.err.problemEmpty');
  });
});

describe('attendance and plans in numbers', () => {
  it('the rate leaves excused meetings out; none held is no rate', () => {
    expect(tally({ present: 1, late: 1, absent: 1, excused: 5 }).ratePct).toBe(66.7);
    expect(tally({ present: 0, late: 0, absent: 0, excused: 2 }).ratePct).toBeNull();
    expect(completionPct(2, 3)).toBe(66.7);
    expect(completionPct(0, 0)).toBeNull();
  });

  it('the series that need attention first: most missed, then lowest attendance, none held last; ties keep their order', () => {
    const rows = [
      { id: 1, missed: 0, ratePct: 100 },
      { id: 2, missed: 0, ratePct: null },
      { id: 3, missed: 1, ratePct: 90 },
      { id: 4, missed: 0, ratePct: 60 },
      { id: 5, missed: 2, ratePct: null },
      { id: 6, missed: 1, ratePct: 90 },
      { id: 7, missed: 1, ratePct: 40 },
    ];
    expect([...rows].sort(byAttention).map((r) => r.id)).toEqual([5, 7, 3, 6, 4, 1, 2]);
  });

  it('a series expects its audience, on its shift', () => {
    const m = { id: 1, departmentId: 7, shift: 'late', status: 'active' };
    expect(expects({ everyone: true, memberIds: [], departmentIds: [], shift: null }, m)).toBe(true);
    expect(expects({ everyone: true, memberIds: [], departmentIds: [], shift: 'day' }, m)).toBe(false);
    expect(expects({ everyone: false, memberIds: [], departmentIds: [7], shift: null }, m)).toBe(true);
    expect(expects({ everyone: false, memberIds: [2], departmentIds: [8], shift: null }, m)).toBe(false);
  });
});

describe('isoAt', () => {
  it('writes an instant as toISOString does, across years, days and milliseconds', () => {
    for (const ms of [0, 1, 999, 86_399_999, Date.UTC(2026, 10, 23, 1), Date.UTC(2028, 1, 29, 23, 59, 59, 7), Date.UTC(1999, 11, 31, 12, 30, 5, 120), -1, -86_400_001]) {
      expect(isoAt(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
