import { enParts, type MessageKey } from './en.js';

export type { MessageKey };
export type Lang = 'en' | 'zh';
/** A text in every language (presets). */
export type Localized = Record<Lang, string>;

type Parts = readonly Readonly<Record<string, string>>[];
let catalog: Parts = enParts;
let current: Lang = 'en';
/** The messages `t()` has found in the current catalog: a table asks for the same few (headers, statuses) row after row, and each search walks a dozen parts. */
let found = new Map<string, string>();

/** The message of `key` in the parts of a catalog, if one has it. */
function lookup(parts: Parts, key: string): string | undefined {
  for (const part of parts) if (Object.hasOwn(part, key)) return part[key];
  return undefined;
}

/** Every message of a catalog, by key (tests compare the two languages). */
export async function catalogOf(lang: Lang): Promise<Record<MessageKey, string>> {
  const parts = lang === 'zh' ? (await import('./zh.js')).zhParts : enParts;
  return Object.assign({}, ...parts) as Record<MessageKey, string>;
}

/** Picks the catalog every later `t()` call reads; Chinese is loaded only when chosen. */
export async function setLang(lang: Lang): Promise<void> {
  current = lang;
  catalog = lang === 'zh' ? (await import('./zh.js')).zhParts : enParts;
  found = new Map();
}

export function getLang(): Lang {
  return current;
}

/** Whether a string is one of the catalog's keys (zod carries keys as its messages). */
export function isMessageKey(s: string): s is MessageKey {
  return lookup(enParts, s) !== undefined;
}

/**
 * The message for `key` in the current language, with `{param}`s filled in.
 * @example t('org.member.added', { handle: 'li.na', name: '李娜' })
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  let text = found.get(key);
  if (text === undefined) found.set(key, (text = lookup(catalog, key) ?? lookup(enParts, key) ?? key));
  return params ? fill(text, params) : text;
}

/** Messages split at their `{param}`s (text, name, text, …, text), once each: a reminder list fills a thousand of them. */
const templates = new Map<string, readonly string[]>();

/** `text` with its `{param}`s filled in; a name `params` lacks stays as written. */
function fill(text: string, params: Record<string, string | number>): string {
  let parts = templates.get(text);
  if (parts === undefined) templates.set(text, (parts = text.split(/\{(\w+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
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
