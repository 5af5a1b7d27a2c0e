import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHAT_SERVICES,
  chatProblem,
  chatRequests,
  dingtalkSign,
  feishuSign,
  guessService,
  parseService,
  redact,
  type ChatService,
} from '../../../src/reports/rules/chat.js';
import { jsonBytes, splitText, toSlackMrkdwn, utf8Bytes } from '../../../src/reports/rules/chat-text.js';

const NOW = new Date('2026-11-23T01:30:00.123Z');
const MSG = { title: 'Weekly report', markdown: '# Week 2026-W48\n\n**Goals**: 3 due\n- ship it' };
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const parse = (body: string) => JSON.parse(body) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Text from lines of ASCII, Chinese, emoji (with ZWJ sequences and flags), some very long. */
const mixedText = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('客服部目标达成率', '👨‍👩‍👧‍👦', '🇨🇳', '😀', 'é', '| a | b |', '**粗体**', ''),
      fc.array(fc.constantFrom('汉', '😀', 'a', '👍🏽', '\t', '"', '\\'), { minLength: 500, maxLength: 3000 }).map((a) => a.join('')),
    ),
    { maxLength: 30 },
  )
  .map((lines) => lines.join('\n'));

describe('guessService', () => {
  it.each([
    ['https://oapi.dingtalk.com/robot/send?access_token=abc', 'dingtalk'],
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', 'wecom'],
    ['https://open.feishu.cn/open-apis/bot/v2/hook/abc', 'feishu'],
    ['https://open.larksuite.com/open-apis/bot/v2/hook/abc', 'feishu'],
    ['https://hooks.slack.com/services/T0/B0/xyz', 'slack'],
    ['https://OAPI.DingTalk.com./robot/send', 'dingtalk'],
  ])('%s → %s', (url, service) => {
    expect(guessService(new URL(url))).toBe(service);
  });

  it.each(['http://127.0.0.1:8080/robot/send', 'https://dingtalk.com.evil.example/robot', 'https://evil-oapi.dingtalk.com.example/', 'https://example.com/hooks.slack.com'])('knows no service at %s', (url) => {
    expect(guessService(new URL(url))).toBeUndefined();
  });

  it('parses --to in any case, and the aliases lark and wework', () => {
    for (const s of CHAT_SERVICES) expect(parseService(s.toUpperCase())).toBe(s);
    expect(parseService('lark')).toBe('feishu');
    expect(parseService(' WeWork ')).toBe('wecom');
    expect(parseService('teams')).toBeUndefined();
  });
});

describe('signatures', () => {
  it('DingTalk: URL-encode(base64(HMAC-SHA256(key = secret, msg = timestamp + "\\n" + secret))), a fixed vector (openssl)', () => {
    // printf '1700000000000\nSECabc' | openssl dgst -sha256 -hmac SECabc -binary | base64
    expect(dingtalkSign('SECabc', 1_700_000_000_000)).toEqual({ timestamp: '1700000000000', sign: 'jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM%3D' });
  });

  it('Feishu: base64(HMAC-SHA256(key = timestamp + "\\n" + secret, msg = empty)), a fixed vector (openssl)', () => {
    // printf '' | openssl dgst -sha256 -mac HMAC -macopt "key:$(printf '1700000000\nfeishu-secret')" -binary | base64
    expect(feishuSign('feishu-secret', 1_700_000_000)).toEqual({ timestamp: '1700000000', sign: 'OrBzY1Y01Gq+HgJsl+7OfWcMVwc7YocohQm5iiZwjhU=' });
  });

  it('DingTalk signs in the URL with the timestamp in milliseconds, keeping the access_token', () => {
    const secret = 'SEC0123456789abcdef+/=密';
    const [req] = chatRequests({ url: 'https://oapi.dingtalk.com/robot/send?access_token=tok123', to: 'dingtalk', secret }, MSG, NOW);
    const u = new URL(req!.url);
    expect(u.searchParams.get('access_token')).toBe('tok123');
    const ts = u.searchParams.get('timestamp')!;
    expect(ts).toBe(String(NOW.getTime()));
    const expected = createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64');
    expect(u.searchParams.get('sign')).toBe(expected);
    // The raw query holds the URL-encoded form ('+', '/', '=' escaped).
    expect(req!.url).toContain(`sign=${encodeURIComponent(expected)}`);
    expect(parse(req!.body)).not.toHaveProperty('sign');
  });

  it('DingTalk replaces a stale timestamp and sign already in the URL', () => {
    const [req] = chatRequests({ url: 'https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1&sign=old', to: 'dingtalk', secret: 's' }, MSG, NOW);
    const u = new URL(req!.url);
    expect(u.searchParams.getAll('timestamp')).toEqual([String(NOW.getTime())]);
    expect(u.searchParams.getAll('sign')).toHaveLength(1);
  });

  it('Feishu signs in the body with the timestamp in seconds, as a string', () => {
    const secret = 'feishu-s3cret';
    const url = 'https://open.feishu.cn/open-apis/bot/v2/hook/0b1c';
    const [req] = chatRequests({ url, to: 'feishu', secret }, MSG, NOW);
    expect(req!.url).toBe(url);
    const body = parse(req!.body);
    expect(body.timestamp).toBe(String(Math.floor(NOW.getTime() / 1000)));
    expect(body.sign).toBe(createHmac('sha256', `${body.timestamp}\n${secret}`).update(Buffer.alloc(0)).digest('base64'));
  });

  it('no secret, no signature', () => {
    const [d] = chatRequests({ url: 'https://oapi.dingtalk.com/robot/send?access_token=t', to: 'dingtalk' }, MSG, NOW);
    expect(d!.url).toBe('https://oapi.dingtalk.com/robot/send?access_token=t');
    const [f] = chatRequests({ url: 'https://open.feishu.cn/open-apis/bot/v2/hook/x', to: 'feishu' }, MSG, NOW);
    expect(Object.keys(parse(f!.body))).toEqual(['msg_type', 'card']);
  });
});

describe('chatRequests: the documented shapes', () => {
  const one = (to: ChatService, url: string) => {
    const reqs = chatRequests({ url, to }, MSG, NOW);
    expect(reqs).toHaveLength(1);
    return { url: reqs[0]!.url, body: parse(reqs[0]!.body) };
  };

  it('DingTalk: {msgtype: "markdown", markdown: {title, text}}', () => {
    expect(one('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=t').body).toEqual({ msgtype: 'markdown', markdown: { title: 'Weekly report', text: MSG.markdown } });
  });

  it('WeCom: {msgtype: "markdown", markdown: {content}}', () => {
    expect(one('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k').body).toEqual({ msgtype: 'markdown', markdown: { content: MSG.markdown } });
  });

  it('Feishu: an interactive card with the title as its header and one markdown element (headings as bold lines)', () => {
    expect(one('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/h').body).toEqual({
      msg_type: 'interactive',
      card: {
        config: { wide_screen_mode: true },
        header: { title: { tag: 'plain_text', content: 'Weekly report' } },
        elements: [{ tag: 'markdown', content: '**Week 2026-W48**\n\n**Goals**: 3 due\n- ship it' }],
      },
    });
  });

  it('Slack: {text} in mrkdwn', () => {
    expect(one('slack', 'https://hooks.slack.com/services/T/B/x').body).toEqual({ text: '*Week 2026-W48*\n\n*Goals*: 3 due\n- ship it' });
  });

  it('an empty message is still one request', () => {
    expect(chatRequests({ url: 'https://qyapi.weixin.qq.com/x', to: 'wecom' }, { title: 't', markdown: '' }, NOW)).toHaveLength(1);
  });
});

describe('toSlackMrkdwn', () => {
  it('bold, headings, links, and the three characters Slack wants escaped', () => {
    expect(toSlackMrkdwn('## **Goals** due\n**a** & <b> [site](https://x.example/?a=1&b=2)')).toBe('*Goals due*\n*a* &amp; &lt;b&gt; <https://x.example/?a=1&amp;b=2|site>');
  });

  it('puts a table in a code block, without bold markers', () => {
    expect(toSlackMrkdwn('Goals\n| Goal | **Owner** |\n|---|---|\n| 达成 | li |\nend')).toBe('Goals\n```\n| Goal | Owner |\n|---|---|\n| 达成 | li |\n```\nend');
    expect(toSlackMrkdwn('| a |')).toBe('```\n| a |\n```');
  });

  it('leaves code blocks alone', () => {
    expect(toSlackMrkdwn('```\n# not a heading **x**\n```')).toBe('```\n# not a heading **x**\n```');
  });
});

describe('splitText', () => {
  it('splits at line breaks, keeping each line break at the end of its line', () => {
    expect(splitText('ab\ncd\nef', utf8Bytes, 6)).toEqual(['ab\ncd\n', 'ef']);
    expect(splitText('', utf8Bytes, 10)).toEqual([]);
  });

  it('cuts an over-long line between characters, never inside one (3-byte Chinese, 4-byte emoji)', () => {
    expect(splitText('汉字汉字', utf8Bytes, 7)).toEqual(['汉字', '汉字']);
    expect(splitText('😀😀😀', utf8Bytes, 5)).toEqual(['😀', '😀', '😀']);
    // A family emoji is one grapheme: kept whole when it fits.
    expect(splitText('a👨‍👩‍👧b', utf8Bytes, 18)).toEqual(['a', '👨‍👩‍👧', 'b']); // 18 bytes
    // A single grapheme over the budget is cut between code points, never inside a surrogate pair.
    const parts = splitText('👨‍👩‍👧', utf8Bytes, 8);
    expect(parts.join('')).toBe('👨‍👩‍👧');
    for (const p of parts) expect(p).toBe(Buffer.from(p, 'utf8').toString('utf8'));
  });

  it('property: every chunk within the budget, nothing lost or repeated, no chunk empty, no broken characters', () => {
    fc.assert(
      fc.property(mixedText, fc.integer({ min: 4, max: 5000 }), (text, budget) => {
        const chunks = splitText(text, utf8Bytes, budget);
        expect(chunks.join('')).toBe(text);
        for (const c of chunks) {
          expect(c).not.toBe('');
          expect(bytes(c)).toBeLessThanOrEqual(budget);
          // No UTF-8 sequence or surrogate pair cut: each chunk survives a round trip through UTF-8.
          expect(Buffer.from(c, 'utf8').toString('utf8')).toBe(c);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('chatRequests: long messages', () => {
  const big = (n: number) => Array.from({ length: n }, (_, i) => `- 第 ${i + 1} 行：客服部目标达成率 95% 😀 **重点** "quoted" \\ tab\t`).join('\n');

  it('WeCom: property: every part ≤ 4,096 bytes, in order, and together the whole text', () => {
    fc.assert(
      fc.property(mixedText, (markdown) => {
        const reqs = chatRequests({ url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', to: 'wecom' }, { title: '周报', markdown }, NOW);
        const contents = reqs.map((r) => parse(r.body).markdown.content as string);
        for (const c of contents) expect(bytes(c)).toBeLessThanOrEqual(4096);
        if (reqs.length === 1) expect(contents[0]).toBe(markdown);
        else {
          const n = reqs.length;
          const bodies = contents.map((c, i) => {
            const head = `**周报 (${i + 1}/${n})**\n`;
            expect(c.startsWith(head)).toBe(true);
            return c.slice(head.length);
          });
          expect(bodies.join('')).toBe(markdown);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('DingTalk: each whole body ≤ 20,000 bytes, the title and first line marked (i/n)', () => {
    const markdown = big(600);
    const reqs = chatRequests({ url: 'https://oapi.dingtalk.com/robot/send?access_token=t', to: 'dingtalk', secret: 's' }, { title: '周报', markdown }, NOW);
    expect(reqs.length).toBeGreaterThan(1);
    const n = reqs.length;
    const texts = reqs.map((r, i) => {
      expect(bytes(r.body)).toBeLessThanOrEqual(20_000);
      const b = parse(r.body);
      expect(b.markdown.title).toBe(`周报 (${i + 1}/${n})`);
      const head = `**周报 (${i + 1}/${n})**\n\n`;
      expect(b.markdown.text.startsWith(head)).toBe(true);
      return (b.markdown.text as string).slice(head.length);
    });
    expect(texts.join('')).toBe(markdown);
    // Room is used: the parts are not needlessly small.
    expect(bytes(reqs[0]!.body)).toBeGreaterThan(19_000);
  });

  it('Feishu: each whole body ≤ 20,000 bytes (JSON escapes counted), header marked (i/n)', () => {
    const markdown = big(600);
    const reqs = chatRequests({ url: 'https://open.feishu.cn/open-apis/bot/v2/hook/h', to: 'feishu', secret: 's' }, { title: '周报', markdown }, NOW);
    expect(reqs.length).toBeGreaterThan(1);
    const contents = reqs.map((r, i) => {
      expect(bytes(r.body)).toBeLessThanOrEqual(20_000);
      const b = parse(r.body);
      expect(b.card.header.title.content).toBe(`周报 (${i + 1}/${reqs.length})`);
      return b.card.elements[0].content as string;
    });
    expect(contents.join('')).toBe(markdown);
  });

  it('Slack: each text ≤ 40,000 characters; a table cut in two stays a code block in both parts', () => {
    const table = ['| # | 目标 |', '|---|---|', ...Array.from({ length: 8000 }, (_, i) => `| ${i} | 目标 ${i} |`)].join('\n');
    const reqs = chatRequests({ url: 'https://hooks.slack.com/services/T/B/x', to: 'slack' }, { title: 'Report', markdown: `# Goals\n${table}\nend` }, NOW);
    expect(reqs.length).toBeGreaterThan(1);
    for (const [i, r] of reqs.entries()) {
      const text = parse(r.body).text as string;
      expect(text.length).toBeLessThanOrEqual(40_000);
      expect(text.startsWith(`*Report (${i + 1}/${reqs.length})*\n`)).toBe(true);
      expect(text.split('\n').filter((l) => l.startsWith('```')).length % 2).toBe(0);
    }
  });

  it('counts JSON escapes for body limits (a quote or backslash takes two bytes)', () => {
    expect(jsonBytes('"\\\n汉')).toBe(2 + 2 + 2 + 3);
  });

  it('marks parts "(10/12)" with room for two digits', () => {
    const markdown = Array.from({ length: 12 }, (_, i) => `${String(i).padStart(2, '0')}${'x'.repeat(4000)}`).join('\n');
    const reqs = chatRequests({ url: 'https://qyapi.weixin.qq.com/x', to: 'wecom' }, { title: 'T', markdown }, NOW);
    expect(reqs.length).toBeGreaterThanOrEqual(12);
    for (const r of reqs) expect(bytes(parse(r.body).markdown.content)).toBeLessThanOrEqual(4096);
    expect(parse(reqs[9]!.body).markdown.content.startsWith(`**T (10/${reqs.length})**\n`)).toBe(true);
  });
});

describe('chatProblem', () => {
  it.each<[ChatService, number, string]>([
    ['dingtalk', 200, '{"errcode":0,"errmsg":"ok"}'],
    ['wecom', 200, '{"errcode":0,"errmsg":"ok"}'],
    ['feishu', 200, '{"code":0,"msg":"success","data":{}}'],
    ['feishu', 200, '{"Extra":null,"StatusCode":0,"StatusMessage":"success"}'],
    ['slack', 200, 'ok'],
  ])('%s %i %s: taken', (to, status, body) => {
    expect(chatProblem(to, status, body)).toBeUndefined();
  });

  it.each<[ChatService, number, string, ReturnType<typeof chatProblem>]>([
    ['dingtalk', 200, '{"errcode":310000,"errmsg":"keywords not in content"}', { kind: 'refused', reason: 'keywords not in content (310000)' }],
    ['dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"}', { kind: 'refused', reason: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq] (310000)' }],
    ['wecom', 200, '{"errcode":93000,"errmsg":"invalid webhook url"}', { kind: 'refused', reason: 'invalid webhook url (93000)' }],
    ['feishu', 200, '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}', { kind: 'refused', reason: 'sign match fail or timestamp is not within one hour from current time (19021)' }],
    ['feishu', 400, '{"code":9499,"msg":"Bad Request","data":{}}', { kind: 'refused', reason: 'Bad Request (9499)' }],
    ['feishu', 200, '{"StatusCode":19024,"StatusMessage":"Key Words Not Found"}', { kind: 'refused', reason: 'Key Words Not Found (19024)' }],
    ['slack', 404, 'no_service', { kind: 'refused', reason: 'no_service (HTTP 404)' }],
    ['slack', 200, 'invalid_payload', { kind: 'refused', reason: 'invalid_payload' }],
    ['slack', 500, '<html>oops</html>', { kind: 'http', status: 500 }],
    ['dingtalk', 500, 'Internal Server Error', { kind: 'http', status: 500 }],
    ['wecom', 502, '{"errcode":0,"errmsg":"ok"}', { kind: 'http', status: 502 }],
    ['slack', 500, 'ok', { kind: 'http', status: 500 }],
    ['dingtalk', 200, '<html>proxy login</html>', { kind: 'refused', reason: '<html>proxy login</html>' }],
    ['wecom', 200, '', { kind: 'refused', reason: 'empty reply' }],
    ['feishu', 200, '[]', { kind: 'refused', reason: '[]' }],
  ])('%s %i %s: a problem', (to, status, body, problem) => {
    expect(chatProblem(to, status, body)).toEqual(problem);
  });

  it('keeps a long reply to one short line', () => {
    const p = chatProblem('wecom', 200, JSON.stringify({ errcode: 40058, errmsg: `too long\n${'x'.repeat(500)}` }));
    expect(p?.kind).toBe('refused');
    expect(p && p.kind === 'refused' && [...p.reason].length).toBeLessThanOrEqual(201);
    expect(p && p.kind === 'refused' && p.reason.includes('\n')).toBe(false);
  });
});

describe('redact', () => {
  it('cuts the secret, the query values and the long path segments out of a service echo', () => {
    const target = { url: 'https://hooks.slack.com/services/T0ABCDEFG/B0HIJKLMN/sEcReTtOkEn123?x=qqqq', to: 'slack' as const, secret: 'S3CR3T' };
    expect(redact('bad T0ABCDEFG/B0HIJKLMN/sEcReTtOkEn123 qqqq S3CR3T', target)).toBe('bad …/…/… … …');
    expect(redact('sign not match', { url: 'https://oapi.dingtalk.com/robot/send?access_token=abcd1234', to: 'dingtalk' })).toBe('sign not match');
  });
});
