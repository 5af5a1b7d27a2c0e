import { en, type MessageKey } from './en.js';

export type { MessageKey };
export type Lang = 'en' | 'zh';
/** A text in every language (presets). */
export type Localized = Record<Lang, string>;

let catalog: Record<MessageKey, string> = en;
let current: Lang = 'en';

/** Picks the catalog every later `t()` call reads; Chinese is loaded only when chosen. */
export async function setLang(lang: Lang): Promise<void> {
  current = lang;
  catalog = lang === 'zh' ? (await import('./zh.js')).zh : en;
}

export function getLang(): Lang {
  return current;
}

/** Whether a string is one of the catalog's keys (zod carries keys as its messages). */
export function isMessageKey(s: string): s is MessageKey {
  return Object.hasOwn(en, s);
}

/**
 * The message for `key` in the current language, with `{param}`s filled in.
 * @example t('org.member.added', { handle: 'li.na', name: '李娜' })
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalog[key] ?? en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Maps a locale string (zh_CN.UTF-8, en_US, zh-Hans) to a language, if it names one. */
export function langFromLocale(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v === 'en' || v === 'zh') return v;
  if (v.startsWith('zh')) return 'zh';
  if (v.startsWith('en') || v === 'c' || v === 'posix' || v.startsWith('c.')) return 'en';
  return undefined;
}

/**
 * `--lang` (already parsed), else TEAM_LANG, else LC_ALL / LC_MESSAGES / LANG, else English.
 */
export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag !== undefined) return langFromLocale(flag) ?? 'en';
  return (
    langFromLocale(env.TEAM_LANG) ??
    langFromLocale(env.LC_ALL) ??
    langFromLocale(env.LC_MESSAGES) ??
    langFromLocale(env.LANG) ??
    'en'
  );
}
