/** The standard streams of a real process (cli/io.ts), with write(2) stood in for: partial writes and a closed pipe. */
import { describe, expect, it } from 'vitest';
import { standardStream } from '../../../src/cli/io.js';

/** A write(2) that takes at most `n` bytes a call, or fails with `code` once `failAfter` calls have been made. */
function writer(n: number, fail?: { after: number; code: string }) {
  const got: number[] = [];
  let calls = 0;
  const write = ((_fd: number, buf: Uint8Array, at: number) => {
    if (fail && calls++ >= fail.after) throw Object.assign(new Error(fail.code), { code: fail.code });
    const chunk = buf.subarray(at, Math.min(buf.length, at + n));
    got.push(...chunk);
    return chunk.length;
  }) as never;
  return { write, text: () => Buffer.from(got).toString('utf8') };
}

describe('standard streams written with write(2)', () => {
  it('a short write is followed by the rest, even inside a character of several bytes', () => {
    for (const n of [1, 2, 3, 5]) {
      const w = writer(n);
      const s = standardStream(1, { write: w.write, terminal: false });
      s.write('王芳 ✔️ ok\n');
      s.write('第二行\n');
      expect([n, w.text()]).toEqual([n, '王芳 ✔️ ok\n第二行\n']);
    }
  });

  it('standard error closed early drops the messages and lets the command end with its own code', () => {
    const w = writer(100, { after: 1, code: 'EPIPE' });
    const s = standardStream(2, { write: w.write, terminal: false });
    s.write('first\n');
    expect(() => s.write('second\n')).not.toThrow();
    s.write('third\n');
    expect(w.text()).toBe('first\n');
  });

  it('another error is not swallowed', () => {
    const s = standardStream(2, { write: writer(100, { after: 0, code: 'EIO' }).write, terminal: false });
    expect(() => s.write('x')).toThrow('EIO');
  });

  it('is not a terminal when told so, and then has no width', () => {
    const s = standardStream(1, { write: writer(10).write, terminal: false });
    expect([s.isTTY, s.columns]).toEqual([false, undefined]);
  });
});
