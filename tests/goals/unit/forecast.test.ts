import { describe, expect, it } from 'vitest';
import { forecast, type ForecastGoal } from '../../../src/goals/rules/progress.js';

// Q2 2026: 90 days from start to due. Day 15 = 04-16, 22 = 04-23, 23 = 04-24, 30 = 05-01, 45 = 05-16.
const q2 = { start: '2026-04-01', due: '2026-06-30' };
const grow: ForecastGoal = { ...q2, baseline: 0, target: 900, direction: 'increase' };
const linear = [
  { date: '2026-04-16', value: 150 },
  { date: '2026-05-16', value: 450 },
];

describe('forecast: increase goals', () => {
  it('projects the least-squares line to the due date: 100 % is on track', () => {
    // points (0,0) (15,150) (45,450): slope 10 → 900 at day 90
    expect(forecast(grow, linear, '2026-05-16')).toEqual({
      status: 'on-track', projected: 900, progressPct: 50, expectedPct: 50, lastValue: 450, lastDate: '2026-05-16',
    });
  });

  it('is at risk from 85 % projected, off track below', () => {
    // slope 8.5 → 765 = 85 %
    const at85 = forecast(grow, [{ date: '2026-04-16', value: 127.5 }, { date: '2026-05-16', value: 382.5 }], '2026-05-16');
    expect([at85.status, at85.projected]).toEqual(['at-risk', 765]);
    // slope 5 → 450 = 50 %
    const at50 = forecast(grow, [{ date: '2026-04-16', value: 75 }, { date: '2026-05-16', value: 225 }], '2026-05-16');
    expect([at50.status, at50.projected, at50.progressPct]).toEqual(['off-track', 450, 25]);
  });

  it('has the 85 % threshold exactly (flat projection of one check-in without baseline)', () => {
    const goal: ForecastGoal = { ...q2, baseline: null, target: 1000, direction: 'increase' };
    const at = (value: number) => forecast(goal, [{ date: '2026-05-01', value }], '2026-05-01');
    expect([at(849).status, at(849).progressPct]).toEqual(['off-track', 84.9]);
    expect([at(850).status, at(850).progressPct]).toEqual(['at-risk', 85]);
    expect([at(999).status, at(999).projected]).toEqual(['at-risk', 999]);
    expect(at(1000).status).toBe('done');
  });

  it('is done once the last value meets the target, overshoot included', () => {
    expect(forecast(grow, [{ date: '2026-05-16', value: 900 }], '2026-05-16').status).toBe('done');
    const over = forecast({ ...grow, target: 1000 }, [{ date: '2026-05-16', value: 1200 }], '2026-05-20');
    expect([over.status, over.progressPct]).toEqual(['done', 120]);
  });

  it('judges by the latest value, not the best one', () => {
    // (0,0) (15,950) (45,300): slope 2750/1050 → 600 at day 90 = 66.7 %
    const dipped = forecast(grow, [{ date: '2026-04-16', value: 950 }, { date: '2026-05-16', value: 300 }], '2026-05-16');
    expect([dipped.status, dipped.lastValue]).toEqual(['off-track', 300]);
    expect(dipped.projected).toBeCloseTo(600, 9);
  });

  it('past due: done when met, else missed; the due date itself is not past', () => {
    expect(forecast(grow, linear, '2026-06-30').status).toBe('on-track');
    expect(forecast(grow, linear, '2026-07-01').status).toBe('missed');
    expect(forecast(grow, [...linear, { date: '2026-06-30', value: 950 }], '2026-07-01').status).toBe('done');
  });

  it('with one check-in and a baseline, draws the line baseline → check-in', () => {
    expect(forecast(grow, [{ date: '2026-05-01', value: 300 }], '2026-05-01')).toMatchObject({ status: 'on-track', projected: 900 });
    // baseline 100 → 300 after 30 days: 100 + 200 × 3 = 700 = 75 % of the way to 900
    const r = forecast({ ...grow, baseline: 100 }, [{ date: '2026-05-01', value: 300 }], '2026-05-01');
    expect(r.status).toBe('off-track');
    expect(r.projected).toBeCloseTo(700, 9);
    expect(r.progressPct).toBe(25);
  });

  it('with one check-in and no baseline, projects flat', () => {
    const r = forecast({ ...grow, baseline: null }, [{ date: '2026-05-01', value: 300 }], '2026-05-01');
    expect([r.status, r.projected]).toEqual(['off-track', 300]);
    expect(r.progressPct).toBeCloseTo(100 / 3, 9);
  });

  it('a check-in on the start date replaces the baseline point (no divide by zero)', () => {
    const alone = forecast({ ...grow, baseline: 100 }, [{ date: '2026-04-01', value: 120 }], '2026-04-01');
    expect(alone).toEqual({ status: 'off-track', projected: 120, progressPct: 2.5, expectedPct: 0, lastValue: 120, lastDate: '2026-04-01' });
    // points (0,120) (30,420), not (0,100) too: slope 10 → 1020
    const two = forecast({ ...grow, baseline: 100 }, [{ date: '2026-04-01', value: 120 }, { date: '2026-05-01', value: 420 }], '2026-05-01');
    expect([two.status, two.projected]).toEqual(['on-track', 1020]);
  });

  it('a goal starting and due the same day projects flat and has 100 % time elapsed on that day', () => {
    const oneDay: ForecastGoal = { start: '2026-04-01', due: '2026-04-01', baseline: 0, target: 10, direction: 'increase' };
    expect(forecast(oneDay, [{ date: '2026-04-01', value: 5 }], '2026-04-01')).toEqual({
      status: 'off-track', projected: 5, progressPct: 50, expectedPct: 100, lastValue: 5, lastDate: '2026-04-01',
    });
    expect(forecast(oneDay, [{ date: '2026-04-01', value: 5 }], '2026-04-02').status).toBe('missed');
    expect(forecast(oneDay, [], '2026-03-31')).toMatchObject({ status: 'not-started', expectedPct: 0 });
  });

  it('sorts unsorted input and lets the last given of one date win', () => {
    const shuffled = [{ date: '2026-05-16', value: 450 }, { date: '2026-04-16', value: 150 }];
    expect(forecast(grow, shuffled, '2026-05-16')).toEqual(forecast(grow, linear, '2026-05-16'));
    const dup = [{ date: '2026-05-16', value: 999 }, { date: '2026-04-16', value: 150 }, { date: '2026-05-16', value: 450 }];
    expect(forecast(grow, dup, '2026-05-16')).toMatchObject({ status: 'on-track', projected: 900, lastValue: 450 });
  });
});

describe('forecast: without check-ins', () => {
  it('is not started in the first quarter of the time, then at risk, then missed', () => {
    expect(forecast(grow, [], '2026-03-20')).toEqual({
      status: 'not-started', projected: null, progressPct: null, expectedPct: 0, lastValue: null, lastDate: null,
    });
    expect(forecast(grow, [], '2026-04-23').status).toBe('not-started'); // 22/90 = 24.4 %
    expect(forecast(grow, [], '2026-04-24').status).toBe('at-risk'); // 23/90 = 25.6 %
    expect(forecast(grow, [], '2026-07-01')).toMatchObject({ status: 'missed', expectedPct: 100 });
  });

  it('switches to at-risk at exactly 25 %', () => {
    const hundred: ForecastGoal = { start: '2026-01-01', due: '2026-04-11', baseline: 0, target: 10, direction: 'increase' };
    expect(forecast(hundred, [], '2026-01-25')).toMatchObject({ status: 'not-started', expectedPct: 24 });
    expect(forecast(hundred, [], '2026-01-26')).toMatchObject({ status: 'at-risk', expectedPct: 25 });
  });
});

describe('forecast: decrease goals', () => {
  const faster: ForecastGoal = { ...q2, baseline: 60, target: 30, direction: 'decrease' };

  it('projects downward trends', () => {
    // (0,60) (15,54) (45,42): slope -0.4 → 24 at day 90 = 120 %
    const r = forecast(faster, [{ date: '2026-04-16', value: 54 }, { date: '2026-05-16', value: 42 }], '2026-05-16');
    expect(r.status).toBe('on-track');
    expect(r.projected).toBeCloseTo(24, 9);
    expect(r.progressPct).toBe(60);
  });

  it('is done at or below the target and missed above it after due', () => {
    expect(forecast(faster, [{ date: '2026-05-16', value: 29 }], '2026-05-16').status).toBe('done');
    expect(forecast(faster, [{ date: '2026-06-20', value: 35 }], '2026-07-01').status).toBe('missed');
  });

  it('without a baseline counts progress from the first check-in', () => {
    // (15,50) (45,44): slope -0.2 → 35 at day 90; from 50 to 30: last 44 = 30 %, projected 35 = 75 %
    const r = forecast({ ...faster, baseline: null }, [{ date: '2026-04-16', value: 50 }, { date: '2026-05-16', value: 44 }], '2026-05-16');
    expect(r.status).toBe('off-track');
    expect(r.projected).toBeCloseTo(35, 9);
    expect(r.progressPct).toBe(30);
  });
});

describe('forecast: at-most / at-least goals', () => {
  const cap: ForecastGoal = { ...q2, baseline: 28, target: 30, direction: 'at-most' };

  it('is on track while the bound holds, done only at or after due', () => {
    const ok = [{ date: '2026-04-16', value: 25 }, { date: '2026-05-16', value: 28 }];
    expect(forecast(cap, ok, '2026-05-16')).toMatchObject({ status: 'on-track', progressPct: 100 });
    expect(forecast(cap, ok, '2026-06-29').status).toBe('on-track');
    expect(forecast(cap, ok, '2026-06-30').status).toBe('done');
    expect(forecast(cap, ok, '2026-07-01').status).toBe('done');
  });

  it('is at risk when broken but the trend recovers by due, else off track', () => {
    // (15,40) (45,34): slope -0.2 → 25 at day 90, within the bound
    const recovering = forecast({ ...cap, baseline: null }, [{ date: '2026-04-16', value: 40 }, { date: '2026-05-16', value: 34 }], '2026-05-16');
    expect([recovering.status, recovering.progressPct]).toEqual(['at-risk', 0]);
    expect(recovering.projected).toBeCloseTo(25, 9);
    const worsening = [{ date: '2026-04-16', value: 31 }, { date: '2026-05-16', value: 34 }];
    expect(forecast({ ...cap, baseline: null }, worsening, '2026-05-16').status).toBe('off-track');
    expect(forecast({ ...cap, baseline: null }, worsening, '2026-06-30').status).toBe('off-track');
    expect(forecast({ ...cap, baseline: null }, worsening, '2026-07-01').status).toBe('missed');
  });

  it('at-least reports the way from a failing baseline', () => {
    const floor: ForecastGoal = { ...q2, baseline: 90, target: 95, direction: 'at-least' };
    const r = forecast(floor, [{ date: '2026-05-16', value: 93 }], '2026-05-16');
    // (0,90) (45,93) → 96 at day 90: breaks the bound now, holds it by due
    expect([r.status, r.progressPct, r.projected]).toEqual(['at-risk', 60, 96]);
  });
});
