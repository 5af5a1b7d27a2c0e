/**
 * sendChat against a local server on 127.0.0.1 that behaves like the chat
 * services: it checks each body's documented shape, verifies signatures
 * from the secret it knows, and answers as the service does.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exitCodeOf, messageOf, reportError } from '../../src/cli/errors.js';
import { processIo, useIo } from '../../src/cli/io.js';
import { chatTarget, sendChat } from '../../src/reports/chat.service.js';
import type { ChatTarget } from '../../src/reports/rules/chat.js';
import { Failure, InputError, TeamError } from '../../src/shared/errors.js';

const TOKEN = 'tok3nDoNotLeak42';
const DING_SECRET = 'SECdingDoNotLeak';
const FEISHU_HOOK = 'feishuHookDoNotLeak0b1c';
const FEISHU_SECRET = 'feishuSecretDoNotLeak';
const SLACK_PATH = '/services/T0SLACKDONOTLEAK/B0SLACKDONOTLEAK/slackTokenDoNotLeak';
const WECOM_KEY = 'wecomKeyDoNotLeak-693a';
const LEAKS = [TOKEN, DING_SECRET, FEISHU_HOOK, FEISHU_SECRET, 'SLACKDONOTLEAK', 'slackTokenDoNotLeak', WECOM_KEY, 'wrong-secret'];

interface Received {
  path: string;
  query: URLSearchParams;
  body: string;
}
let received: Received[] = [];
let server: Server;
let base: string;
/** Requests that were never answered, ended after each test. */
const hanging: ServerResponse[] = [];

const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const isString = (v: unknown): v is string => typeof v === 'string';
const WITHIN_AN_HOUR = 3_600_000;
/** A request body as the services read it: untyped JSON off the wire. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fake services probe arbitrary JSON, as the real ones do
type Json = Record<string, any>;

function dingtalk(q: URLSearchParams, b: Json, res: ServerResponse) {
  if (q.get('access_token') !== TOKEN) return json(res, 200, { errcode: 300001, errmsg: 'token is not exist' });
  const ts = q.get('timestamp');
  const sign = q.get('sign');
  if (!ts || !sign || Math.abs(Date.now() - Number(ts)) > WITHIN_AN_HOUR) return json(res, 200, { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' });
  const expected = createHmac('sha256', DING_SECRET).update(`${ts}\n${DING_SECRET}`).digest('base64');
  if (sign !== expected) return json(res, 200, { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' });
  if (b.msgtype !== 'markdown' || !isString(b.markdown?.title) || !isString(b.markdown?.text)) return json(res, 200, { errcode: 40035, errmsg: 'missing parameter' });
  if (!b.markdown.text.includes('周报') && !b.markdown.title.includes('周报')) return json(res, 200, { errcode: 310000, errmsg: 'keywords not in content' });
  return json(res, 200, { errcode: 0, errmsg: 'ok' });
}

function wecom(q: URLSearchParams, b: Json, res: ServerResponse) {
  if (q.get('key') !== WECOM_KEY) return json(res, 200, { errcode: 93000, errmsg: 'invalid webhook url, hint: [1704540159], from ip: 127.0.0.1' });
  if (b.msgtype !== 'markdown' || !isString(b.markdown?.content) || Object.keys(b).length !== 2) return json(res, 200, { errcode: 40008, errmsg: 'invalid message type' });
  if (bytes(b.markdown.content) > 4096) return json(res, 200, { errcode: 40058, errmsg: 'markdown.content exceed max length 4096' });
  return json(res, 200, { errcode: 0, errmsg: 'ok' });
}

function feishu(b: Json, res: ServerResponse) {
  const ts = b.timestamp;
  const expected = isString(ts) ? createHmac('sha256', `${ts}\n${FEISHU_SECRET}`).update('').digest('base64') : undefined;
  if (!isString(ts) || !/^\d{10}$/.test(ts) || Math.abs(Date.now() / 1000 - Number(ts)) > 3600 || b.sign !== expected)
    return json(res, 200, { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' });
  const card = b.card;
  if (b.msg_type !== 'interactive' || card?.header?.title?.tag !== 'plain_text' || card?.elements?.[0]?.tag !== 'markdown' || !isString(card.elements[0].content))
    return json(res, 400, { code: 9499, msg: 'Bad Request', data: {} });
  return json(res, 200, { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' });
}

function slack(b: Json, res: ServerResponse) {
  if (!isString(b.text) || b.text === '') {
    res.writeHead(400).end('invalid_payload');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html' }).end('ok');
}

function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
  const u = new URL(req.url ?? '/', 'http://x');
  received.push({ path: u.pathname, query: u.searchParams, body: raw });
  if (u.pathname === '/hang') return void hanging.push(res);
  if (u.pathname === '/boom') return void res.writeHead(500).end('Internal Server Error');
  let b: Json;
  try {
    b = JSON.parse(raw) as Json;
  } catch {
    return json(res, 400, { errcode: 40001, errmsg: 'invalid json' });
  }
  if (req.method !== 'POST' || !/^application\/json/.test(req.headers['content-type'] ?? '')) return json(res, 405, { errcode: 1, errmsg: 'POST JSON only' });
  if (u.pathname === '/robot/send') return dingtalk(u.searchParams, b, res);
  if (u.pathname === '/cgi-bin/webhook/send') return wecom(u.searchParams, b, res);
  if (u.pathname === `/open-apis/bot/v2/hook/${FEISHU_HOOK}`) return feishu(b, res);
  if (u.pathname === SLACK_PATH) return slack(b, res);
  res.writeHead(404).end('no_service');
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(parts).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
  for (const res of hanging.splice(0)) res.destroy();
});

const ding = (secret = DING_SECRET): ChatTarget => ({ url: `${base}/robot/send?access_token=${TOKEN}`, to: 'dingtalk', secret });
const wecomTarget = (): ChatTarget => ({ url: `${base}/cgi-bin/webhook/send?key=${WECOM_KEY}`, to: 'wecom' });
const feishuTarget = (secret = FEISHU_SECRET): ChatTarget => ({ url: `${base}/open-apis/bot/v2/hook/${FEISHU_HOOK}`, to: 'feishu', secret });
const slackTarget = (): ChatTarget => ({ url: `${base}${SLACK_PATH}`, to: 'slack' });
const MSG = { title: '周报 2026-W48', markdown: '# 周报 2026-W48\n\n**目标**：3 个到期\n| 负责人 | 进度 |\n|---|---|\n| 李娜 | 80% |' };
const opts = () => ({ now: new Date() });

/** The error sendChat threw, checked to be a one-line TeamError that leaks no credential anywhere it could be printed. */
async function failure(p: Promise<unknown>): Promise<{ error: TeamError; line: string }> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TeamError);
  const e = error as TeamError;
  const line = messageOf(e);
  expect(line).not.toContain('\n');
  expect((e as Error & { cause?: unknown }).cause).toBeUndefined();
  const printable = [line, e.stack ?? '', String(e), JSON.stringify(e), JSON.stringify(e.params)].join('\n');
  for (const s of LEAKS) expect(printable).not.toContain(s);
  // What TEAM_DEBUG=1 prints: the line and the stack.
  let stderr = '';
  useIo({ ...processIo(), stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, env: { TEAM_DEBUG: '1' } });
  try {
    reportError(e);
  } finally {
    useIo(processIo());
  }
  expect(stderr).toContain(line);
  for (const s of LEAKS) expect(stderr).not.toContain(s);
  return { error: e, line };
}

describe('sendChat: each service takes a well-formed message', () => {
  it('DingTalk, signed', async () => {
    expect(await sendChat(ding(), MSG, opts())).toEqual({ messages: 1 });
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toEqual({ msgtype: 'markdown', markdown: { title: MSG.title, text: MSG.markdown } });
  });

  it('WeCom', async () => {
    expect(await sendChat(wecomTarget(), MSG, opts())).toEqual({ messages: 1 });
    expect(JSON.parse(received[0]!.body)).toEqual({ msgtype: 'markdown', markdown: { content: MSG.markdown } });
  });

  it('Feishu, signed', async () => {
    expect(await sendChat(feishuTarget(), MSG, opts())).toEqual({ messages: 1 });
    expect(JSON.parse(received[0]!.body).card.elements[0].content).toContain('**周报 2026-W48**');
  });

  it('Slack', async () => {
    expect(await sendChat(slackTarget(), MSG, opts())).toEqual({ messages: 1 });
    expect(JSON.parse(received[0]!.body).text).toBe('*周报 2026-W48*\n\n*目标*：3 个到期\n```\n| 负责人 | 进度 |\n|---|---|\n| 李娜 | 80% |\n```');
  });
});

describe('sendChat: failures are one line naming the service and host, exit 1', () => {
  it('DingTalk with the wrong secret: refused with its words', async () => {
    const { error, line } = await failure(sendChat(ding('wrong-secret'), MSG, opts()));
    expect(error).toBeInstanceOf(Failure);
    expect(exitCodeOf(error)).toBe(1);
    expect(line).toBe(`DingTalk (${new URL(base).host}) refused the message: sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq] (310000)`);
  });

  it('DingTalk without the keyword: refused', async () => {
    const { line } = await failure(sendChat(ding(), { title: 'Weekly', markdown: 'nothing' }, opts()));
    expect(line).toContain('keywords not in content (310000)');
  });

  it('WeCom with a wrong key: refused, and the echoed request does not show the key', async () => {
    const { line } = await failure(sendChat({ ...wecomTarget(), url: `${base}/cgi-bin/webhook/send?key=wrong-secret` }, MSG, opts()));
    expect(line).toMatch(/^WeCom \(127\.0\.0\.1:\d+\) refused the message: invalid webhook url/);
  });

  it('Feishu with the wrong secret: refused', async () => {
    const { line } = await failure(sendChat(feishuTarget('wrong-secret'), MSG, opts()));
    expect(line).toContain('refused the message: sign match fail or timestamp is not within one hour from current time (19021)');
  });

  it('HTTP 500', async () => {
    const { error, line } = await failure(sendChat({ url: `${base}/boom?access_token=${TOKEN}`, to: 'dingtalk', secret: DING_SECRET }, MSG, opts()));
    expect(exitCodeOf(error)).toBe(1);
    expect(line).toBe(`DingTalk (${new URL(base).host}) answered HTTP 500; the message was not posted.`);
  });

  it('Slack refusing with HTTP 404 no_service', async () => {
    const { line } = await failure(sendChat({ url: `${base}/services/T0SLACKDONOTLEAK/x/slackTokenDoNotLeak`, to: 'slack' }, MSG, opts()));
    expect(line).toContain('Slack (127.0.0.1:');
    expect(line).toContain('refused the message: no_service (HTTP 404)');
  });

  it('unreachable: a closed port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { error, line } = await failure(sendChat({ url: `http://127.0.0.1:${port}/robot/send?access_token=${TOKEN}`, to: 'dingtalk', secret: DING_SECRET }, MSG, opts()));
    expect(error).toBeInstanceOf(Failure);
    expect(line).toBe(`Cannot reach DingTalk at 127.0.0.1:${port} (ECONNREFUSED); the message was not posted.`);
  });

  it('a server that never answers: times out within the bound', async () => {
    const started = performance.now();
    const { error, line } = await failure(sendChat({ url: `${base}/hang?key=${WECOM_KEY}`, to: 'wecom' }, MSG, { now: new Date(), timeoutMs: 300 }));
    const took = performance.now() - started;
    expect(exitCodeOf(error)).toBe(1);
    expect(line).toBe(`WeCom (${new URL(base).host}) did not answer within 0.3 s; the message may not have been posted.`);
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(3000);
  });

  it('the total bound holds over several parts', async () => {
    const long = { title: '周报', markdown: Array.from({ length: 3 }, () => '汉'.repeat(2000)).join('\n') };
    const started = performance.now();
    const { line } = await failure(sendChat({ url: `${base}/hang?key=${WECOM_KEY}`, to: 'wecom' }, long, { now: new Date(), timeoutMs: 200, totalMs: 200 }));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(line).toMatch(/did not answer part 1 of \d+ within 0\.2 s/);
  });
});

describe('sendChat: long messages', () => {
  const long = { title: '周报 2026-W48', markdown: Array.from({ length: 400 }, (_, i) => `- 第 ${i + 1} 项：客服部目标达成率 95% 😀 **重点**`).join('\n') };

  it('WeCom: several posts, each ≤ 4,096 bytes, in order, together the whole text', async () => {
    const { messages } = await sendChat(wecomTarget(), long, opts());
    expect(messages).toBeGreaterThan(3);
    expect(received).toHaveLength(messages);
    const contents = received.map((r) => JSON.parse(r.body).markdown.content as string);
    const rest = contents.map((c, i) => {
      expect(bytes(c)).toBeLessThanOrEqual(4096);
      const head = `**周报 2026-W48 (${i + 1}/${messages})**\n`;
      expect(c.startsWith(head)).toBe(true);
      return c.slice(head.length);
    });
    expect(rest.join('')).toBe(long.markdown);
  });

  it('a refused part says which, and that the ones before were sent', async () => {
    let n = 0;
    const picky = createServer((req, res) => {
      req.resume();
      req.on('end', () => json(res, 200, ++n === 2 ? { errcode: 45009, errmsg: 'api freq out of limit' } : { errcode: 0, errmsg: 'ok' }));
    });
    await new Promise<void>((resolve) => picky.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(picky.address() as AddressInfo).port}/cgi-bin/webhook/send?key=${WECOM_KEY}`;
      const { line } = await failure(sendChat({ url, to: 'wecom' }, long, opts()));
      expect(line).toMatch(/^WeCom \(127\.0\.0\.1:\d+\) refused part 2 of \d+: api freq out of limit \(45009\) \(the parts before it were sent\)$/);
      expect(n).toBe(2);
    } finally {
      await new Promise((resolve) => picky.close(resolve));
    }
  });

  it('more than 20 WeCom parts: refused before anything is sent (exit 2)', async () => {
    const huge = { title: '周报', markdown: Array.from({ length: 25 }, () => '汉'.repeat(1300)).join('\n') };
    const { error, line } = await failure(sendChat(wecomTarget(), huge, opts()));
    expect(error).toBeInstanceOf(InputError);
    expect(exitCodeOf(error)).toBe(2);
    expect(line).toBe('The message needs 25 WeCom messages, and WeCom takes at most 20 a minute. Nothing was sent: narrow it down (--dept, --member).');
    expect(received).toHaveLength(0);
  });
});

describe('chatTarget', () => {
  const DING = 'https://oapi.dingtalk.com/robot/send?access_token=abc';
  const WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k';
  const rejected = (flags: Parameters<typeof chatTarget>[0], env: Record<string, string | undefined> = {}) => {
    let error: unknown;
    try {
      chatTarget(flags, env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const line = messageOf(error as InputError);
    expect(line).not.toContain('\n');
    expect(line).not.toContain('access_token');
    expect(line).not.toContain('abc');
    return line;
  };

  it('is undefined with no URL at all (blank counts as none)', () => {
    expect(chatTarget({}, {})).toBeUndefined();
    expect(chatTarget({ to: 'wecom', secret: 's' }, { TEAM_WEBHOOK: '  ', TEAM_WEBHOOK_SECRET: 's' })).toBeUndefined();
  });

  it('guesses the service from the host', () => {
    expect(chatTarget({ webhook: DING }, {})).toEqual({ url: DING, to: 'dingtalk' });
    expect(chatTarget({ webhook: WECOM }, {})).toEqual({ url: WECOM, to: 'wecom' });
  });

  it('flags win over TEAM_WEBHOOK, TEAM_WEBHOOK_TO and TEAM_WEBHOOK_SECRET', () => {
    const env = { TEAM_WEBHOOK: WECOM, TEAM_WEBHOOK_TO: 'wecom', TEAM_WEBHOOK_SECRET: 'env-secret' };
    expect(chatTarget({}, env)).toEqual({ url: WECOM, to: 'wecom' });
    expect(chatTarget({ webhook: DING }, { TEAM_WEBHOOK_SECRET: 'env-secret' })).toEqual({ url: DING, to: 'dingtalk', secret: 'env-secret' });
    expect(chatTarget({ webhook: DING, secret: 'flag-secret' }, { TEAM_WEBHOOK_SECRET: 'env-secret' })).toEqual({ url: DING, to: 'dingtalk', secret: 'flag-secret' });
    expect(chatTarget({ webhook: 'http://127.0.0.1:9/x', to: 'Feishu' }, { TEAM_WEBHOOK_TO: 'slack' })).toEqual({ url: 'http://127.0.0.1:9/x', to: 'feishu' });
    expect(chatTarget({ webhook: 'http://127.0.0.1:9/x' }, { TEAM_WEBHOOK_TO: 'lark' })).toEqual({ url: 'http://127.0.0.1:9/x', to: 'feishu' });
  });

  it('ignores TEAM_WEBHOOK_SECRET for WeCom and Slack (an environment-wide default), refuses --secret for them', () => {
    expect(chatTarget({ webhook: WECOM }, { TEAM_WEBHOOK_SECRET: 'env-secret' })).toEqual({ url: WECOM, to: 'wecom' });
    expect(rejected({ webhook: WECOM, secret: 's' })).toBe('WeCom robots have no signing secret: leave out --secret.');
    expect(rejected({ webhook: 'https://hooks.slack.com/services/T/B/x', secret: 's' })).toBe('Slack robots have no signing secret: leave out --secret.');
  });

  it('refuses a URL that is not http(s), never echoing it', () => {
    expect(rejected({ webhook: 'oapi.dingtalk.com/robot/send?access_token=abc' })).toBe("The webhook (--webhook or TEAM_WEBHOOK) is not a URL: use the robot's https:// address.");
    expect(rejected({}, { TEAM_WEBHOOK: 'ftp://oapi.dingtalk.com/robot/send?access_token=abc' })).toBe('The webhook (--webhook or TEAM_WEBHOOK) must be an http(s) URL, not ftp.');
    expect(rejected({ webhook: 'https://me:abc@oapi.dingtalk.com/robot/send' })).toBe('The webhook (--webhook or TEAM_WEBHOOK) must not hold a user name or password.');
  });

  it('refuses an unknown service, suggesting the closest', () => {
    expect(rejected({ webhook: DING, to: 'dingtlak' })).toBe('Unknown chat service "dingtlak". Did you mean "dingtalk"? (dingtalk, wecom, feishu or slack)');
    expect(rejected({ webhook: DING, to: 'teams' })).toBe('Unknown chat service "teams": use dingtalk, wecom, feishu or slack.');
  });

  it('refuses a host it cannot tell without --to, and a --to the host contradicts', () => {
    expect(rejected({ webhook: 'https://chat.example.com/hook?access_token=abc' })).toBe('Which chat service is chat.example.com? Pass --to dingtalk, wecom, feishu or slack (or set TEAM_WEBHOOK_TO).');
    expect(rejected({ webhook: DING }, { TEAM_WEBHOOK_TO: 'wecom' })).toBe('oapi.dingtalk.com is a DingTalk webhook, not WeCom: fix --to (or TEAM_WEBHOOK_TO).');
  });
});
