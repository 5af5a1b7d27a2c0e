/** compareText: the one text order (dates, times, handles, titles), the same in every locale. */
import { describe, expect, it } from 'vitest';
import { compareText } from '../../../src/shared/order.js';

describe('compareText', () => {
  it('orders dates and times as their values, and text by code unit', () => {
    expect(['2026-12-01', '2026-11-30', '2026-11-09'].sort(compareText)).toEqual(['2026-11-09', '2026-11-30', '2026-12-01']);
    expect(['14:00', '09:30', '9:00'].sort(compareText)).toEqual(['09:30', '14:00', '9:00']);
    // Upper case before lower, Chinese after Latin: code units, not a locale's collation.
    expect(['wu', 'Li', '周会', 'li'].sort(compareText)).toEqual(['Li', 'li', 'wu', '周会']);
    expect(compareText('a', 'a')).toBe(0);
  });

});
