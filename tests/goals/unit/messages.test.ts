import { describe, expect, it } from 'vitest';
import { smartEn } from '../../../src/goals/smart.messages.en.js';
import { smartZh } from '../../../src/goals/smart.messages.zh.js';

const smartMessages = { en: smartEn, zh: smartZh };
import { lintSmart, SMART_CODES } from '../../../src/goals/rules/smart.js';
import { scenarios } from './smart-fixtures.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');

describe('smartMessages', () => {
  it('has an English and a Chinese message for every code and no others', () => {
    for (const locale of [smartMessages.en, smartMessages.zh]) {
      expect(Object.keys(locale).sort()).toEqual([...SMART_CODES].sort());
      for (const text of Object.values(locale)) expect(text.trim()).not.toBe('');
    }
    for (const text of Object.values(smartMessages.zh)) expect(text).toMatch(/\p{Script=Han}/u);
  });

  it('uses the same placeholders in both languages, each filled by the finding params', () => {
    const findings = scenarios.flatMap(({ goal, context }) => lintSmart(goal, context).findings);
    for (const code of SMART_CODES) {
      const en = placeholders(smartMessages.en[code]).sort();
      expect([code, en]).toEqual([code, placeholders(smartMessages.zh[code]).sort()]);
      for (const f of findings.filter((x) => x.code === code)) {
        for (const p of en) expect([code, p, p in f.params]).toEqual([code, p, true]);
      }
    }
  });
});
