import { afterEach, describe, expect, it } from 'vitest';
import { catalogOf, detectLang, getLang, langFromLocale, setLang, t, type MessageKey } from '../../../src/i18n/index.js';

const en = await catalogOf('en');
const zh = await catalogOf('zh');

/** The `{param}` names of a message, sorted. */
const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('the catalogs', () => {
  const keys = Object.keys(en) as MessageKey[];

  it('keep each key in one part only (lookup takes the first part that has it)', async () => {
    const { enParts } = await import('../../../src/i18n/en.js');
    const { zhParts } = await import('../../../src/i18n/zh.js');
    for (const parts of [enParts, zhParts]) {
      const all = parts.flatMap((p) => Object.keys(p));
      expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
    }
  });

  it('have the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual([...keys].sort());
    expect(keys.length).toBeGreaterThan(100);
  });

  it('give every English message a non-empty Chinese one', () => {
    expect(keys.filter((k) => typeof zh[k] !== 'string' || zh[k].trim() === '')).toEqual([]);
    expect(keys.filter((k) => en[k].trim() === '')).toEqual([]);
  });

  it('use the same {params} in both languages', () => {
    const mismatched = keys.filter((k) => params(en[k]).join() !== params(zh[k]).join()).map((k) => `${k}: ${params(en[k]).join()} | ${params(zh[k]).join()}`);
    expect(mismatched).toEqual([]);
  });

  it('translate messages that are only words (a missed translation keeps the English)', () => {
    // Keys whose English is mostly letters should not be identical in Chinese.
    const untranslated = keys.filter((k) => /[a-z]{4,} [a-z]{4,}/i.test(en[k].replace(/\{\w+\}|--[\w-]+|team [\w ]+/g, '')) && en[k] === zh[k]);
    expect(untranslated).toEqual([]);
  });
});

describe('langFromLocale', () => {
  it.each([
    ['zh_CN.UTF-8', 'zh'],
    ['zh_TW.UTF-8', 'zh'],
    ['zh-Hans', 'zh'],
    ['ZH', 'zh'],
    ['en_US.UTF-8', 'en'],
    ['en', 'en'],
    ['C', 'en'],
    ['C.UTF-8', 'en'],
    ['POSIX', 'en'],
    ['fr_FR.UTF-8', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (locale, lang) => {
    expect(langFromLocale(locale)).toBe(lang);
  });
});

describe('detectLang: flag > TEAM_LANG > LC_ALL > LC_MESSAGES > LANG > en', () => {
  const all = { TEAM_LANG: 'zh', LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' };

  it('the flag wins over everything', () => {
    expect(detectLang('en', { ...all })).toBe('en');
    expect(detectLang('zh', { TEAM_LANG: 'en', LC_ALL: 'en', LC_MESSAGES: 'en', LANG: 'en' })).toBe('zh');
  });

  it('then TEAM_LANG', () => {
    expect(detectLang(undefined, { ...all })).toBe('zh');
    expect(detectLang(undefined, { TEAM_LANG: 'en', LC_ALL: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
  });

  it('then LC_ALL', () => {
    expect(detectLang(undefined, { LC_ALL: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(detectLang(undefined, { LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
  });

  it('then LC_MESSAGES', () => {
    expect(detectLang(undefined, { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(detectLang(undefined, { LC_MESSAGES: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
  });

  it('then LANG', () => {
    expect(detectLang(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLang(undefined, { LANG: 'en_GB.UTF-8' })).toBe('en');
  });

  it('skips values that name no language, and falls back to English', () => {
    expect(detectLang(undefined, { TEAM_LANG: 'fr', LC_ALL: '', LC_MESSAGES: 'de_DE.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLang(undefined, {})).toBe('en');
    expect(detectLang(undefined, { LANG: 'fr_FR.UTF-8' })).toBe('en');
  });
});

describe('t', () => {
  afterEach(async () => {
    await setLang('en');
  });

  it('fills {params} in the current language', async () => {
    expect(t('org.member.added', { handle: 'li.na', name: '李娜' })).toBe('Added member li.na (李娜).');
    await setLang('zh');
    expect(getLang()).toBe('zh');
    expect(t('org.member.added', { handle: 'li.na', name: '李娜' })).toBe('已新增成员 li.na（李娜）。');
  });

  it('leaves a parameter it was not given visible rather than blank', () => {
    expect(t('org.member.added', { handle: 'li.na' })).toBe('Added member li.na ({name}).');
  });

  it('puts values in as they are: a value that looks like a parameter or a replacement pattern is not filled again', () => {
    expect(t('org.member.added', { handle: '{name}', name: "$& $1 $'" })).toBe("Added member {name} ($& $1 $').");
    // The second time from its split template: the same.
    expect(t('org.member.added', { handle: 'wu', name: '{handle}' })).toBe('Added member wu ({handle}).');
  });
});
