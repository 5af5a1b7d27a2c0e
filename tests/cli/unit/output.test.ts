import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/shared/errors.js';
import { exitCodeOf } from '../../../src/cli/errors.js';
import { resolveFormat } from '../../../src/cli/output.js';
import { wrapText } from '../../../src/cli/table.js';

const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));

/** A small deterministic PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('wrapText', () => {
  const duty = '负责售前咨询接待和订单跟进，首次响应不超过三十秒，并记录客户的常见问题';

  it('breaks Chinese without spaces between characters, never past the width', () => {
    for (const width of [2, 3, 5, 10, 11, 40]) {
      const wrapped = wrapText(duty, width);
      expect(widest(wrapped), `width ${width}`).toBeLessThanOrEqual(width);
      expect(wrapped.replace(/\n/g, ''), `width ${width}`).toBe(duty); // every character kept, in order
    }
  });

  it('fills each line as far as it can', () => {
    expect(wrapText('负责售前咨询接待和订单跟进', 10)).toBe('负责售前咨\n询接待和订\n单跟进');
    expect(wrapText('负责售前咨询接待和订单跟进', 9)).toBe('负责售前\n咨询接待\n和订单跟\n进');
  });

  it('never begins a line with closing punctuation: the character before it goes along', () => {
    expect(wrapText('客服专员（售后）', 14)).toBe('客服专员（售\n后）');
    expect(wrapText('负责售前咨询，首次响应', 12)).toBe('负责售前咨\n询，首次响应');
    for (const width of [2, 3, 5, 10, 11, 40]) expect(widest(wrapText(duty, width)), `width ${width}`).toBeLessThanOrEqual(width);
  });

  it('breaks English at spaces', () => {
    expect(wrapText('Reply to every pre-sale question within thirty seconds', 20)).toBe('Reply to every\npre-sale question\nwithin thirty\nseconds');
  });

  it('keeps existing line breaks and short text as it is', () => {
    expect(wrapText('第一行\n第二行', 40)).toBe('第一行\n第二行');
    expect(wrapText('短', 10)).toBe('短');
    expect(wrapText('', 10)).toBe('');
  });

  it('never exceeds the width and keeps every character, for random Chinese (with some ASCII) without spaces', () => {
    const alphabet = [...'负责售前咨询接待和订单跟进客服运营，。、（）《》“”0123456789abcXYZ-_%'];
    const rand = prng(20261123);
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 80) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      const width = 2 + Math.floor(rand() * 30);
      const wrapped = wrapText(text, width);
      expect(widest(wrapped), `${JSON.stringify(text)} @ ${width}`).toBeLessThanOrEqual(width);
      expect(wrapped.replace(/\n/g, ''), `${JSON.stringify(text)} @ ${width}`).toBe(text);
    }
  });

  it('never exceeds the width for mixed text with spaces, and loses only spaces', () => {
    const words = ['Taobao', '天猫', 'GMV', '售前咨询', 'first-response', '30s', '订单跟进', 'a', 'SKU'];
    const rand = prng(42);
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 15) }, () => words[Math.floor(rand() * words.length)]).join(' ');
      const width = 4 + Math.floor(rand() * 30);
      const wrapped = wrapText(text, width);
      expect(widest(wrapped), `${JSON.stringify(text)} @ ${width}`).toBeLessThanOrEqual(width);
      expect(wrapped.replace(/[\n ]/g, ''), `${JSON.stringify(text)} @ ${width}`).toBe(text.replace(/ /g, ''));
    }
  });
});

describe('resolveFormat', () => {
  it('is a table by default', () => {
    expect(resolveFormat({})).toBe('table');
  });

  it.each(['table', 'json', 'csv', 'md'] as const)('accepts --format %s', (f) => {
    expect(resolveFormat({ format: f })).toBe(f);
  });

  it('lets --json win', () => {
    expect(resolveFormat({ json: true })).toBe('json');
    expect(resolveFormat({ json: true, format: 'csv' })).toBe('json');
  });

  it.each(['bogus', '', 'JSON', 'markdown'])('refuses --format %j as a usage error', (f) => {
    let error: unknown;
    try {
      resolveFormat({ format: f });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ key: 'err.invalidFormat', params: { value: f } });
    expect(exitCodeOf(error as InputError)).toBe(2);
  });
});
