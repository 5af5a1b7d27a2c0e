/**
 * The README's crontab, run the way cron runs it: every job line through
 * /bin/sh with only the crontab's variables (env -i), stdin closed, no
 * terminal. PATH holds /usr/bin:/bin and a folder standing for nvm's with
 * node and team in it, so a job that needs anything else fails here too.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const block = /```cron\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Cron recipes')))![1]!;
const lines = block.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
const vars = Object.fromEntries(lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
/** The job lines' commands: five time fields dropped; cron turns `\%` into `%` (a bare % would end the command). */
const jobs = lines.filter((l) => !/^[A-Z_]+=/.test(l)).map((l) => l.trim().split(/\s+/).slice(5).join(' ').replace(/\\%/g, '%'));

let home: string;
let server: Server;
const posts: { url: string; body: { msgtype: string; markdown: { content: string } } }[] = [];
let env: Record<string, string>;

function sh(command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], { env, cwd: home, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'team-cron-'));
  mkdirSync(join(home, 'shop'));
  // nvm's folder: only node and team in it, as `npm install -g` links them.
  const nodeDir = join(home, 'node-bin');
  mkdirSync(nodeDir);
  symlinkSync(process.execPath, join(nodeDir, 'node'));
  symlinkSync(join(root, 'bin', 'team'), join(nodeDir, 'team'));
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      posts.push({ url: req.url ?? '', body: JSON.parse(body) as (typeof posts)[number]['body'] });
      res.setHeader('content-type', 'application/json');
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const subst = (v: string) => v.replaceAll('/home/lead/.nvm/versions/node/v20.19.0/bin', nodeDir).replaceAll('/home/lead', home).replace(/^https:\/\/qyapi\.weixin\.qq\.com/, `http://127.0.0.1:${port}`);
  env = { ...Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, subst(v)])), HOME: home, SHELL: '/bin/sh', LOGNAME: 'lead' };
  // The team the jobs read: the demo's, built relative to today.
  const demo = await sh(`team --db ${env.TEAM_DB} demo --json > /dev/null`);
  expect(demo.code, demo.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  server?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('the README crontab, in the environment cron gives', () => {
  it('sets PATH to node\'s folder and /usr/bin:/bin, TEAM_DB and TEAM_WEBHOOK by absolute paths', () => {
    expect(vars.PATH).toMatch(/:\/usr\/bin:\/bin$/);
    expect(vars.TEAM_DB!.startsWith('/')).toBe(true);
    expect(jobs.length).toBeGreaterThanOrEqual(8);
    expect(jobs.some((j) => j.startsWith('team remind'))).toBe(true);
  });

  it('without the node folder on PATH, team is not found (why the recipes set PATH)', async () => {
    const saved = env.PATH!;
    env.PATH = '/usr/bin:/bin';
    const r = await sh('team --version');
    env.PATH = saved;
    expect(r.code).toBe(127);
  });

  it.each(jobs)('runs: %s', async (job) => {
    const before = posts.length;
    const r = await sh(job);
    expect(r.code, r.stderr).toBe(0);
    // Quiet jobs leave cron nothing to mail; the others only write files.
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    if (job.includes('--webhook')) {
      // The demo has meetings every workday and open items: something is always due, so each posts at least once.
      expect(posts.length).toBeGreaterThan(before);
      for (const p of posts.slice(before)) {
        expect(p.url).toBe('/cgi-bin/webhook/send?key=YOUR-ROBOT-KEY');
        expect(p.body.msgtype).toBe('markdown');
        expect(Buffer.byteLength(p.body.markdown.content)).toBeLessThanOrEqual(4096);
      }
    }
    // A job that writes a file (--out or >) leaves it whole in the shop folder.
    const out = /--out (\S+)|> (\S+)/.exec(job);
    if (out) {
      const name = (out[1] ?? out[2])!.split('/').pop()!;
      const prefix = name.split('$')[0]!;
      const made = readdirSync(join(home, 'shop')).filter((f) => f.startsWith(prefix) && !f.startsWith('.'));
      expect(made, `${name} written`).not.toEqual([]);
      for (const f of made) expect(statSync(join(home, 'shop', f)).size).toBeGreaterThan(0);
    }
  });
});
