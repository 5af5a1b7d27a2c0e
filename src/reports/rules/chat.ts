/**
 * Chat delivery, the pure part: which service a webhook is, the exact
 * request bodies each service documents (signed when a secret is given),
 * long messages split under each service's size limit (rules/chat-text.ts
 * measures, splits and rewrites the text), and what a reply means. No I/O and no clock: the caller passes `now`.
 *
 * Limits (from the services' documentation):
 * - DingTalk custom robot: the whole request body at most 20,000 bytes
 *   ("message too long, exceed 20000 bytes"); 20 messages a minute.
 * - WeCom group robot: markdown.content at most 4,096 bytes UTF-8; 20 messages a minute.
 * - Feishu custom bot: the whole request body at most 20 KB (counted here as 20,000 bytes).
 * - Slack incoming webhook: text longer than 40,000 characters is truncated
 *   (counted here in UTF-16 units, never fewer than Slack's characters).
 */
import { createHmac } from 'node:crypto';
import type { MessageKey } from '../../i18n/index.js';
import { balanceFences, bold, headingsToBold, jsonBytes, slackEscape, splitText, toSlackMrkdwn, units, utf8Bytes } from './chat-text.js';

export type ChatService = 'dingtalk' | 'wecom' | 'feishu' | 'slack';
export const CHAT_SERVICES: readonly ChatService[] = ['dingtalk', 'wecom', 'feishu', 'slack'];

/** Each service's name in the reader's language. */
export const CHAT_SERVICE_LABEL: Readonly<Record<ChatService, MessageKey>> = {
  dingtalk: 'reports.chat.service.dingtalk',
  wecom: 'reports.chat.service.wecom',
  feishu: 'reports.chat.service.feishu',
  slack: 'reports.chat.service.slack',
};

/** Services that ban a robot for a while past 20 messages a minute: a message needing more parts is refused before sending. */
export const CHAT_PARTS_PER_MINUTE: Readonly<Partial<Record<ChatService, number>>> = { dingtalk: 20, wecom: 20 };

/** Services whose robots can sign requests (the others have no secret to give). */
export const SIGNED_SERVICES: readonly ChatService[] = ['dingtalk', 'feishu'];

export interface ChatTarget {
  url: string;
  to: ChatService;
  secret?: string;
}

export interface ChatMessage {
  /** A short plain title (DingTalk's notification, Feishu's card header; the first line of the parts elsewhere). */
  title: string;
  markdown: string;
}

export interface ChatRequest {
  url: string;
  body: string;
}

const HOSTS: ReadonlyArray<[string, ChatService]> = [
  ['oapi.dingtalk.com', 'dingtalk'],
  ['qyapi.weixin.qq.com', 'wecom'],
  ['open.feishu.cn', 'feishu'],
  ['open.larksuite.com', 'feishu'],
  ['hooks.slack.com', 'slack'],
];

/** The service a webhook URL belongs to, from its host; undefined for any other host (a proxy, a test server). */
export function guessService(url: URL): ChatService | undefined {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return HOSTS.find(([h]) => host === h)?.[1];
}

/** Other names people use for the services, read as the service. */
const ALIASES: Readonly<Record<string, ChatService>> = { lark: 'feishu', wework: 'wecom' };

/** `--to` as a service (any case, or an alias such as lark), or undefined when it names none. */
export function parseService(input: string): ChatService | undefined {
  const s = input.trim().toLowerCase();
  return (CHAT_SERVICES as readonly string[]).includes(s) ? (s as ChatService) : ALIASES[s];
}

// ── Signatures ────────────────────────────────────────────────────────────

/**
 * DingTalk's signed mode: `timestamp` (ms) and `sign` =
 * URL-encode(base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret))).
 */
export function dingtalkSign(secret: string, timestampMs: number): { timestamp: string; sign: string } {
  const timestamp = String(timestampMs);
  const sign = encodeURIComponent(createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64'));
  return { timestamp, sign };
}

/**
 * Feishu's signed mode: `timestamp` (s, a string) and `sign` =
 * base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = empty)).
 */
export function feishuSign(secret: string, timestampS: number): { timestamp: string; sign: string } {
  const timestamp = String(timestampS);
  const sign = createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
  return { timestamp, sign };
}

/** The URL with DingTalk's `timestamp` and `sign` in its query (any stale ones replaced). */
function dingtalkUrl(url: string, signed: { timestamp: string; sign: string }): string {
  const u = new URL(url);
  const kept = u.search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '' && !/^(timestamp|sign)=/.test(p));
  u.search = [...kept, `timestamp=${signed.timestamp}`, `sign=${signed.sign}`].join('&');
  return u.toString();
}

// ── Requests ──────────────────────────────────────────────────────────────

interface Part {
  index: number;
  count: number;
}

interface Layout {
  /** The content as the service's Markdown flavour. */
  prepare(markdown: string): string;
  /** How a piece of content is counted against the limit. */
  cost(s: string): number;
  limit: number;
  /** Extra cost a chunk may gain after splitting (Slack's reopened code blocks). */
  slack: number;
  /** The request for one chunk; measured with an empty chunk it gives the fixed overhead. */
  build(content: string, part: Part | undefined): { url: string; body: unknown };
  /** What the limit counts of a built request, with the chunk's own cost excluded: the body's bytes, or the content's marker line. */
  overhead(content: string, part: Part | undefined): number;
}

const marker = (part: Part | undefined) => (part ? ` (${part.index}/${part.count})` : '');
/** The first line of a part, "**Weekly report (2/3)**", or nothing for a message in one part. */
const partLine = (title: string, part: Part | undefined, mark: '**' | '*', gap: string) => (part ? bold(`${title}${marker(part)}`.trim(), mark) + gap : '');

function layout(target: ChatTarget, title: string, now: Date): Layout {
  const bodyBytes = (l: Pick<Layout, 'build'>) => (content: string, part: Part | undefined) => utf8Bytes(JSON.stringify(l.build(content, part).body));
  switch (target.to) {
    case 'dingtalk': {
      // The title shows only in the notification and the chat list; the parts say it in their first line too.
      const signed = target.secret ? dingtalkSign(target.secret, now.getTime()) : undefined;
      const url = signed ? dingtalkUrl(target.url, signed) : target.url;
      const l = {
        prepare: (md: string) => md,
        cost: jsonBytes,
        limit: 20_000,
        slack: 0,
        build: (content: string, part: Part | undefined) => ({
          url,
          body: { msgtype: 'markdown', markdown: { title: `${title}${marker(part)}`.trim(), text: partLine(title, part, '**', '\n\n') + content } },
        }),
      };
      return { ...l, overhead: bodyBytes(l) };
    }
    case 'wecom': {
      const line = (part: Part | undefined) => partLine(title, part, '**', '\n');
      return {
        prepare: (md) => md,
        cost: utf8Bytes,
        limit: 4096,
        slack: 0,
        build: (content, part) => ({ url: target.url, body: { msgtype: 'markdown', markdown: { content: line(part) + content } } }),
        overhead: (_c, part) => utf8Bytes(line(part)),
      };
    }
    case 'feishu': {
      const signed = target.secret ? feishuSign(target.secret, Math.floor(now.getTime() / 1000)) : undefined;
      const l = {
        prepare: headingsToBold,
        cost: jsonBytes,
        limit: 20_000,
        slack: 0,
        build: (content: string, part: Part | undefined) => ({
          url: target.url,
          body: {
            ...(signed ?? {}),
            msg_type: 'interactive',
            card: {
              config: { wide_screen_mode: true },
              header: { title: { tag: 'plain_text', content: title + marker(part) } },
              elements: [{ tag: 'markdown', content }],
            },
          },
        }),
      };
      return { ...l, overhead: bodyBytes(l) };
    }
    case 'slack': {
      const line = (part: Part | undefined) => partLine(slackEscape(title), part, '*', '\n');
      return {
        prepare: toSlackMrkdwn,
        cost: units,
        limit: 40_000,
        slack: 8,
        build: (content, part) => ({ url: target.url, body: { text: line(part) + content } }),
        overhead: (_c, part) => units(line(part)),
      };
    }
  }
}

/**
 * The requests that post `message` to `target`, in order: one, or several
 * when the message is over the service's limit (each then marked "(2/3)"
 * in its title and first line). With a secret, DingTalk's are signed in the
 * URL and Feishu's in the body, at `now`.
 */
export function chatRequests(target: ChatTarget, message: ChatMessage, now: Date): ChatRequest[] {
  const l = layout(target, message.title, now);
  const content = l.prepare(message.markdown);
  const split = (part: Part | undefined): string[] => {
    const budget = l.limit - l.overhead('', part) - l.slack;
    if (budget < 64) throw new RangeError('chatRequests: the title leaves no room for the message');
    return splitText(content, l.cost, budget);
  };
  let chunks = split(undefined);
  if (chunks.length > 1) {
    // Room for the widest marker, "(n/n)"; more parts may need one more digit: split again until stable.
    let count = chunks.length;
    for (;;) {
      chunks = split({ index: count, count });
      if (String(chunks.length).length <= String(count).length) break;
      count = chunks.length;
    }
  }
  if (target.to === 'slack') chunks = balanceFences(chunks);
  if (chunks.length === 0) chunks = [''];
  const count = chunks.length;
  return chunks.map((chunk, i) => {
    const r = l.build(chunk, count > 1 ? { index: i + 1, count } : undefined);
    return { url: r.url, body: JSON.stringify(r.body) };
  });
}

// ── Replies ───────────────────────────────────────────────────────────────

/** What was wrong with a reply: the service refused the message (its own code and words), or answered an HTTP error. */
export type ChatProblem = { kind: 'refused'; reason: string } | { kind: 'http'; status: number };

const oneLine = (s: string, max = 200) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return [...flat].length > max ? [...flat].slice(0, max).join('') + '…' : flat;
};

/** A service's error words, with the code in brackets when there is one: "keywords not in content (310000)". */
const reasonOf = (msg: unknown, code: unknown) => oneLine(`${typeof msg === 'string' && msg !== '' ? msg : 'error'}${code !== undefined ? ` (${String(code)})` : ''}`);

function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(body);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a service's reply: undefined when the message was taken.
 * DingTalk and WeCom answer `{errcode: 0, errmsg: "ok"}`, Feishu `{code: 0}`
 * (older bots `{StatusCode: 0}`), Slack the plain text `ok`; anything else,
 * or a status outside 2xx, is a problem (a refusal when the reply says why).
 */
export function chatProblem(to: ChatService, status: number, body: string): ChatProblem | undefined {
  const ok = status >= 200 && status < 300;
  if (to === 'slack') {
    const text = body.trim();
    if (ok && text === 'ok') return undefined;
    // Slack's refusals are short words such as invalid_payload or channel_is_archived.
    if (/^[\w.-]{1,80}$/.test(text) && text !== 'ok') return { kind: 'refused', reason: status !== 200 ? `${text} (HTTP ${status})` : text };
    return ok ? { kind: 'refused', reason: oneLine(text || 'empty reply') } : { kind: 'http', status };
  }
  const json = parseJson(body);
  if (to === 'feishu') {
    const code = json && 'code' in json ? json.code : json?.StatusCode;
    if (json && code === 0) return ok ? undefined : { kind: 'http', status };
    if (json && code !== undefined) return { kind: 'refused', reason: reasonOf(json.msg ?? json.StatusMessage, code) };
  } else {
    if (json && json.errcode === 0) return ok ? undefined : { kind: 'http', status };
    if (json && json.errcode !== undefined) return { kind: 'refused', reason: reasonOf(json.errmsg, json.errcode) };
  }
  return ok ? { kind: 'refused', reason: oneLine(body || 'empty reply') } : { kind: 'http', status };
}

/**
 * `text` with every credential of the target cut out (the secret, the
 * query's values such as access_token or key, the path's long segments such
 * as Feishu's hook id or Slack's T…/B…/token), so a service's echo of the
 * request can be shown.
 */
export function redact(text: string, target: ChatTarget): string {
  const secrets = new Set<string>();
  if (target.secret) secrets.add(target.secret);
  try {
    const u = new URL(target.url);
    for (const [, v] of u.searchParams) if (v.length >= 4) secrets.add(v);
    for (const seg of u.pathname.split('/')) if (seg.length >= 8) secrets.add(decodeURIComponent(seg));
    if (u.password) secrets.add(u.password);
  } catch {
    // An unparsable URL was refused before anything was sent.
  }
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('…');
  return out;
}
