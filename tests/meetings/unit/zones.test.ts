/** Stored zone tables give the zone database's offsets, changes found to the minute. */
import { tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { buildZoneTable, tableOffset } from '../../../src/meetings/rules/zones.js';

const at = (iso: string) => Date.parse(iso);

describe('buildZoneTable', () => {
  it('finds each change of 2026 to the minute (from the zone database, hand-checked against zoneinfo)', () => {
    expect(buildZoneTable('America/New_York', '2026-01-01', '2026-12-31').changes).toEqual([
      [at('2026-01-01T00:00:00Z'), -300],
      [at('2026-03-08T07:00:00Z'), -240],
      [at('2026-11-01T06:00:00Z'), -300],
    ]);
    expect(buildZoneTable('Europe/Berlin', '2026-01-01', '2026-12-31').changes).toEqual([
      [at('2026-01-01T00:00:00Z'), 60],
      [at('2026-03-29T01:00:00Z'), 120],
      [at('2026-10-25T01:00:00Z'), 60],
    ]);
    expect(buildZoneTable('Asia/Shanghai', '2026-01-01', '2030-12-31').changes).toEqual([[at('2026-01-01T00:00:00Z'), 480]]);
  });

  it('agrees with the zone database at every hour of two years, and knows nothing outside its span', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Shanghai']) {
      const t = buildZoneTable(zone, '2026-01-01', '2027-12-31');
      for (let ms = t.fromMs; ms <= t.toMs; ms += 3_600_000) expect(tableOffset(t, ms), `${zone} ${new Date(ms).toISOString()}`).toBe(tzOffset(zone, new Date(ms)));
      expect(tableOffset(t, t.fromMs - 1)).toBeUndefined();
      expect(tableOffset(t, t.toMs + 1)).toBeUndefined();
    }
  });
});
