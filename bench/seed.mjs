// Builds the benchmark databases in bench/.tmp/. Every schema comes from the
// real CLI (`team init`), so the bench always measures the migrations and
// preset users get; only the bulk rows are inserted directly, because adding
// 2,000 members or 20,000 goals through the CLI would take minutes. The data
// is drawn from a fixed-seed PRNG with fixed timestamps, so two builds give
// the same rows and timings stay comparable between machines and commits.
// A database is reused while its row counts still match; a change to this
// file or to any migration (see manifest.json), or deleting bench/.tmp,
// forces a rebuild.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TMP = fileURLToPath(new URL('.tmp/', import.meta.url));
export const BIN = `${ROOT}bin/team`;

export const PATHS = {
  preset: `${TMP}preset.db`,
  members: `${TMP}members.db`,
  goals: `${TMP}goals.db`,
  meetings: `${TMP}meetings.db`,
  training: `${TMP}training.db`,
  evaluations: `${TMP}evaluations.db`,
  reports: `${TMP}reports.db`,
};

export const MEMBER_COUNT = 2000;
export const GOAL_COUNT = 20000;
export const CHECKIN_COUNT = 100000;
export const TREE_TITLE = 'Q1 GMV';
export const TREE_CHILDREN = 36; // 12 members × 3 months
export const OWNER_HANDLE = 'm0001';
export const OWNER_GOALS = 10;
export const SERIES_COUNT = 200;
/** Minutes per series, held on the days before LAST_CHECKIN. */
const LOGS_PER_SERIES = 20;

const SEED = 20261123;
const YEAR = 2026;
/** Fixed "today" of the data: no check-in is dated after it, whatever the clock says. */
const LAST_CHECKIN = `${YEAR}-11-20`;

/**
 * The environment every CLI run of the bench gets: English, no colour, no
 * stray database or language override. NODE_OPTIONS and NODE_EXTRA_CA_CERTS
 * go too: they add the same fixed cost to every Node start (a CA bundle alone
 * can take 30 ms → 110 ms), which would flatter every ratio.
 */
export function cliEnv({ clean = false } = {}) {
  const env = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' };
  for (const k of ['TEAM_DB', 'TEAM_LANG', 'TEAM_DEBUG', 'LC_ALL', 'LC_MESSAGES', 'FORCE_COLOR', 'NODE_OPTIONS']) delete env[k];
  // NODE_EXTRA_CA_CERTS makes every node process read a CA bundle at start
  // (about 80 ms here), which shrinks every ratio; the clean run drops it.
  if (clean) delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

// ---------------------------------------------------------------- helpers

/** mulberry32: tiny, fast and the same on every platform. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const shuffle = (arr) => {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [arr[i], arr[j]] = [arr[j], arr[i]];
    }
    return arr;
  };
  return { next, int, pick, shuffle };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const handleOf = (i) => `m${pad(i, 4)}`; // 1-based
const cents = (x) => Math.round(x * 100) / 100;
const DAY_MS = 86_400_000;
const dayNum = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
const isoDay = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const monthRange = (m) => [`${YEAR}-${pad(m)}-01`, new Date(Date.UTC(YEAR, m, 0)).toISOString().slice(0, 10)];
const quarterRange = (q) => [monthRange(q * 3 - 2)[0], monthRange(q * 3)[1]];

function removeDb(path) {
  for (const p of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(p, { force: true });
}

/** Counts that must hold for a database to be reused; any error (missing table, locked, corrupt) means rebuild. */
function probe(path, queries) {
  if (!existsSync(path)) return false;
  let db;
  try {
    db = new Database(path, { fileMustExist: true });
    if (!(db.pragma('user_version', { simple: true }) > 0)) return false;
    return Object.entries(queries).every(([sql, want]) => db.prepare(sql).pluck().get() === want);
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Runs the real CLI's `init`, which creates the file, migrates it and loads the English preset. */
function cliInit(path) {
  removeDb(path);
  const r = spawnSync(process.execPath, [BIN, '--db', path, 'init'], { cwd: ROOT, env: cliEnv(), encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`\`team --db ${path} init\` failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout || String(r.error ?? '')).trim()}`);
  }
}

/** Runs the real CLI on a bench database (on the day `today`, when given); fails loudly; returns its stdout. */
function cli(path, args, today) {
  const env = today === undefined ? cliEnv() : { ...cliEnv(), TEAM_TODAY: today };
  const r = spawnSync(process.execPath, [BIN, '--db', path, ...args], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`\`team --db ${path} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout || String(r.error ?? '')).trim()}`);
  return r.stdout;
}

/**
 * Runs the real CLI's `goals refresh`: the stored summaries every write keeps
 * current, computed by the program itself for the goals inserted directly, so
 * the database is what a real one looks like after normal use.
 */
function cliRefresh(path) {
  const r = spawnSync(process.execPath, [BIN, '--db', path, 'goals', 'refresh'], { cwd: ROOT, env: cliEnv(), encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`\`team --db ${path} goals refresh\` failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout || String(r.error ?? '')).trim()}`);
  }
}

/** Leaves a closed, checkpointed single file, as the CLI would after a clean exit. */
function closeClean(db) {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

// ---------------------------------------------------------------- members

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉玲燕飞鑫波宁浩亮婷雪琳晨欣悦宇轩子涵梓睿思雨嘉文博佳怡欢乐晓颖俊峰凯鸿海斌志毅楠瑶倩露琪'];

/** Roughly how an online shop of 2,000 people spreads over the preset roles; unknown presets get a flat share. */
const ROLE_WEIGHTS = {
  'ops-manager': 8,
  'cs-manager': 12,
  warehouse: 300,
  'data-analyst': 60,
  'marketing-specialist': 150,
  'live-host': 120,
  designer: 150,
  'cs-presale': 500,
  'cs-aftersale': 400,
  'cs-assistant': 150,
  'crm-manager': 40,
  'tech-support': 60,
  'product-manager': 49,
};
const DEFAULT_ROLE_WEIGHT = 50;
/** More direct reports than this and the role gets team leads of its own (a director does not manage 300 packers). */
const MAX_SPAN = 15;
const LEAD_SPAN = 10;

/** Largest-remainder split of `total` by `weights`, so the counts add up exactly. */
function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => (total * w) / sum);
  const counts = quotas.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => [q - Math.floor(q), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  return counts;
}

function planMembers(roles, departments) {
  const rnd = prng(SEED);
  const deptKey = new Map(departments.map((d) => [d.id, d.preset_key]));
  const roots = roles.filter((r) => r.reports_to_role_id === null);
  const others = roles.filter((r) => r.reports_to_role_id !== null);
  if (!roots.length) throw new Error('preset has no top role (reports_to_role_id is null) to give m0001');

  // m0001 holds the top role; the rest of the roles are shuffled over m0002….
  const roleOf = roots.map((r) => r);
  const counts = apportion(MEMBER_COUNT - roots.length, others.map((r) => ROLE_WEIGHTS[r.preset_key] ?? DEFAULT_ROLE_WEIGHT));
  const pool = others.flatMap((r, i) => Array(counts[i]).fill(r));
  roleOf.push(...rnd.shuffle(pool));

  const byRole = new Map(roles.map((r) => [r.id, []]));
  roleOf.forEach((r, i) => byRole.get(r.id).push(i));

  // Holders of a role report round-robin to holders of the role above; when
  // that would make too many direct reports, some become leads (recursively).
  const managerOf = new Array(MEMBER_COUNT).fill(null);
  const assign = (staff, bosses) => {
    if (staff.length <= bosses.length * MAX_SPAN) {
      staff.forEach((i, k) => (managerOf[i] = bosses[k % bosses.length]));
      return;
    }
    const leads = staff.slice(0, Math.ceil(staff.length / LEAD_SPAN));
    assign(leads, bosses);
    staff.slice(leads.length).forEach((i, k) => (managerOf[i] = leads[k % leads.length]));
  };
  for (const r of others) {
    const bosses = byRole.get(r.reports_to_role_id);
    assign(byRole.get(r.id), bosses.length ? bosses : [0]);
  }

  const created = Date.UTC(YEAR, 9, 1, 8, 0, 0); // when the shop moved onto `team`
  const hireFrom = dayNum('2019-01-01');
  const hireTo = dayNum(`${YEAR}-10-31`);
  return roleOf.map((role, i) => {
    const dept = role.department_id;
    const frontline = ['cs', 'logistics'].includes(deptKey.get(dept));
    const x = rnd.next();
    const createdAt = new Date(created + i * 37_000).toISOString();
    const edited = rnd.next() < 0.2;
    return {
      id: i + 1,
      handle: handleOf(i + 1),
      name: rnd.pick(SURNAMES) + rnd.pick(GIVEN) + (rnd.next() < 0.7 ? rnd.pick(GIVEN) : ''),
      role_id: role.id,
      department_id: dept,
      manager_id: managerOf[i] === null ? null : managerOf[i] + 1,
      hire_date: i === 0 ? '2019-01-01' : isoDay(rnd.int(hireFrom, hireTo)),
      contact: rnd.next() < 0.7 ? `1${rnd.pick([3, 5, 7, 8, 9])}${pad(rnd.int(0, 999999999), 9)}` : null,
      shift: rnd.next() < (frontline ? 0.4 : 0.08) ? 'late' : 'day',
      status: x < 0.04 ? 'probation' : x < 0.06 ? 'leave' : 'active',
      archived_at: null,
      created_at: createdAt,
      updated_at: edited ? new Date(created + i * 37_000 + rnd.int(1, 40) * DAY_MS).toISOString() : createdAt,
    };
  });
}

function insertMembers(db) {
  const roles = db.prepare('select id, preset_key, department_id, reports_to_role_id from roles order by id').all();
  const departments = db.prepare('select id, preset_key from departments order by id').all();
  if (!roles.length) throw new Error('`team init` left no roles to give the members');
  if (db.prepare('select count(*) from members').pluck().get() !== 0) throw new Error('fresh database already has members');
  const members = planMembers(roles, departments);
  const ins = db.prepare(`insert into members (id, handle, name, role_id, department_id, manager_id, hire_date, contact, shift, status, archived_at, created_at, updated_at)
    values (@id, @handle, @name, @role_id, @department_id, @manager_id, @hire_date, @contact, @shift, @status, @archived_at, @created_at, @updated_at)`);
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON'); // managers may come later in handle order
    for (const m of members) ins.run(m);
  })();
}

// ---------------------------------------------------------------- goals

const SELLING_DEPTS = ['ops', 'marketing'];
const METRICS = ['GMV', '直播成交额', '新品销售额', '会员复购金额', '老客召回金额'];
const CHANNELS = ['天猫店', '京东店', '抖音店', '拼多多店', '小程序商城', '淘宝店'];

function planGoals(members, departments) {
  const rnd = prng(SEED + 1);
  const goals = [];
  const add = (g) => {
    goals.push({
      id: goals.length + 1,
      metric: 'GMV',
      unit: '¥',
      kind: 'additive',
      decimals: 2,
      direction: 'increase',
      term: 'short',
      relevance: null,
      parent_id: null,
      weight: null,
      period_label: null,
      draft: 0,
      cadence_days: 7,
      state: 'open',
      final_value: null,
      closed_at: null,
      owner_member_id: null,
      owner_department_id: null,
      ...g,
    });
    return goals[goals.length - 1];
  };
  const span = (horizon, n) => (horizon === 'month' ? monthRange(n) : quarterRange(n));
  const money = (lo, hi) => rnd.int(lo, hi) * 100;
  const created = (start) => `${isoDay(dayNum(start) - rnd.int(1, 10))}T0${rnd.int(1, 9)}:${pad(rnd.int(0, 59))}:00.000Z`;

  // Shop-wide quarterly goals; Q1 GMV is the one `goals tree` is measured on, so nothing else hangs under it.
  const teamGoal = new Map();
  for (let q = 1; q <= 4; q++) {
    for (const metric of METRICS) {
      const [start_date, due_date] = span('quarter', q);
      const g = add({
        title: metric === 'GMV' ? `Q${q} GMV` : `Q${q} 全店${metric}`,
        owner_type: 'team',
        metric,
        horizon: 'quarter',
        relevance: '年度经营计划',
        start_date,
        due_date,
        target: money(5_000_000, 40_000_000),
        created_at: created(start_date),
      });
      if (metric === 'GMV' && q === 1) {
        g.title = TREE_TITLE;
        g.target = 36_000_000;
        g.baseline = 28_800_000;
      } else {
        g.baseline = cents(g.target * (0.7 + rnd.next() * 0.2));
      }
      teamGoal.set(`${q}|${metric}`, g);
    }
  }
  const tree = teamGoal.get(`1|GMV`);

  // Q1 GMV split 12 members × 3 months, as `team goals split --by member,period` would: ids and equal shares.
  const candidates = members.filter((m) => m.id !== 1);
  const sellers = [...candidates.filter((m) => SELLING_DEPTS.includes(m.dept_key)), ...candidates].slice(0, TREE_CHILDREN / 3);
  for (const m of sellers) {
    for (let month = 1; month <= 3; month++) {
      const [start_date, due_date] = span('month', month);
      add({
        title: `${TREE_TITLE} · ${m.handle} · ${YEAR}-${pad(month)}`,
        owner_type: 'member',
        owner_member_id: m.id,
        horizon: 'month',
        parent_id: tree.id,
        weight: 1,
        period_label: `${YEAR}-${pad(month)}`,
        start_date,
        due_date,
        baseline: tree.baseline / TREE_CHILDREN,
        target: tree.target / TREE_CHILDREN,
        created_at: tree.created_at,
      });
    }
  }

  // Department goals: quarterly under the matching shop goal (never under Q1 GMV), monthly under the quarter.
  const deptGoal = new Map();
  for (const d of departments) {
    for (let q = 1; q <= 4; q++) {
      for (const metric of METRICS) {
        const [start_date, due_date] = span('quarter', q);
        const parent = teamGoal.get(`${q}|${metric}`);
        const target = money(200_000, 5_000_000);
        deptGoal.set(`${d.id}|q${q}|${metric}`, add({
          title: `Q${q} ${d.name} ${metric} ¥${target}`,
          owner_type: 'department',
          owner_department_id: d.id,
          metric,
          horizon: 'quarter',
          parent_id: parent === tree ? null : parent.id,
          start_date,
          due_date,
          baseline: cents(target * (0.7 + rnd.next() * 0.2)),
          target,
          created_at: created(start_date),
        }));
      }
    }
    for (let month = 1; month <= 12; month++) {
      for (const metric of METRICS.slice(0, 2)) {
        const [start_date, due_date] = span('month', month);
        const target = money(50_000, 2_000_000);
        deptGoal.set(`${d.id}|m${month}|${metric}`, add({
          title: `${month}月 ${d.name} ${metric} ¥${target}`,
          owner_type: 'department',
          owner_department_id: d.id,
          metric,
          horizon: 'month',
          parent_id: deptGoal.get(`${d.id}|q${Math.ceil(month / 3)}|${metric}`).id,
          start_date,
          due_date,
          baseline: cents(target * (0.7 + rnd.next() * 0.2)),
          target,
          created_at: created(start_date),
        }));
      }
    }
  }

  // Member goals. m0001 gets exactly OWNER_GOALS; everyone else is drawn at random for the rest.
  const memberGoal = (m) => {
    const horizon = rnd.next() < 0.7 ? 'month' : 'quarter';
    const n = horizon === 'month' ? rnd.int(1, 12) : rnd.int(1, 4);
    const [start_date, due_date] = span(horizon, n);
    const metric = rnd.pick(METRICS);
    const channel = rnd.pick(CHANNELS);
    const target = money(horizon === 'month' ? 200 : 600, horizon === 'month' ? 3_000 : 9_000);
    const parentKey = `${m.department_id}|${horizon === 'month' ? `m${n}` : `q${n}`}|${metric}`;
    const parent = m.department_id !== null && rnd.next() < 0.3 ? deptGoal.get(parentKey) : undefined;
    const label = horizon === 'month' ? `${n}月` : `Q${n}`;
    add({
      title: `${label} ${channel}${metric}达到 ¥${target}`,
      owner_type: 'member',
      owner_member_id: m.id,
      metric,
      horizon,
      relevance: rnd.next() < 0.3 ? `支撑${label}部门目标` : null,
      parent_id: parent?.id ?? null,
      start_date,
      due_date,
      baseline: cents(target * (0.6 + rnd.next() * 0.3)),
      target,
      created_at: created(start_date),
    });
  };
  for (let i = 0; i < OWNER_GOALS; i++) memberGoal(members[0]);
  while (goals.length < GOAL_COUNT) memberGoal(members[1 + Math.floor(rnd.next() * (members.length - 1))]);

  // Check-ins: 100,000 spread at random over the goals already started by LAST_CHECKIN, on distinct
  // days up to it, moving from baseline towards (and sometimes past) the target.
  const cutoff = dayNum(LAST_CHECKIN);
  const started = goals.map((g, i) => (dayNum(g.start_date) <= cutoff ? i : -1)).filter((i) => i >= 0);
  const perGoal = new Uint16Array(goals.length);
  for (let i = 0; i < CHECKIN_COUNT; i++) perGoal[started[Math.floor(rnd.next() * started.length)]]++;
  const handleById = new Map(members.map((m) => [m.id, m.handle]));
  const checkins = [];
  goals.forEach((g, gi) => {
    const k = perGoal[gi];
    const s = dayNum(g.start_date);
    const len = Math.min(dayNum(g.due_date), cutoff) - s + 1;
    const days = new Set();
    while (days.size < Math.min(k, len)) days.add(rnd.int(0, len - 1));
    const sorted = [...days].sort((a, b) => a - b);
    while (sorted.length < k) sorted.push(sorted[sorted.length - 1]); // more check-ins than days: repeat the last day
    const actor = g.owner_member_id ? handleById.get(g.owner_member_id) : OWNER_HANDLE;
    let value = g.baseline;
    let last;
    for (const d of sorted) {
      const expected = g.baseline + (g.target - g.baseline) * ((d + 1) / len) * (0.6 + rnd.next() * 0.6);
      value = cents(Math.max(value, expected));
      const date = isoDay(s + d);
      last = {
        goal_id: g.id,
        date,
        value,
        note: rnd.next() < 0.1 ? rnd.pick(['大促拉动', '活动延期', '直播场次增加', '退款偏高', '新品上架']) : null,
        actor,
        created_at: `${date}T${pad(rnd.int(9, 21))}:${pad(rnd.int(0, 59))}:${pad(rnd.int(0, 59))}.000Z`,
      };
      checkins.push(last);
    }
    g.last_value = last?.value ?? null;
    g.last_checkin_date = last?.date ?? null;
    g.updated_at = last?.created_at ?? g.created_at;
  });
  return { goals, checkins, treeId: tree.id };
}

function insertGoals(db) {
  const members = db
    .prepare('select m.id, m.handle, m.department_id, d.preset_key as dept_key from members m left join departments d on d.id = m.department_id order by m.id')
    .all();
  const departments = db.prepare('select id, name from departments order by id').all();
  if (members.length !== MEMBER_COUNT || members[0].handle !== OWNER_HANDLE) throw new Error('goals need the 2,000-member database');
  const { goals, checkins } = planGoals(members, departments);
  const cols = Object.keys(goals[0]);
  const insGoal = db.prepare(`insert into goals (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`);
  const insCheckin = db.prepare('insert into goal_checkins (goal_id, date, value, note, actor, created_at) values (@goal_id, @date, @value, @note, @actor, @created_at)');
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    for (const g of goals) insGoal.run(g);
    for (const c of checkins) insCheckin.run(c);
  })();
}

// ---------------------------------------------------------------- meetings

/** Cadences a shop's series use, as stored RRULEs: every form the CLI writes. */
const RRULES = [
  'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  'FREQ=DAILY',
  'FREQ=WEEKLY;BYDAY=MO',
  'FREQ=WEEKLY;BYDAY=TU,TH',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE',
  'FREQ=MONTHLY;BYMONTHDAY=15',
  'FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1',
  'FREQ=MONTHLY;BYMONTHDAY=-1',
  'FREQ=MONTHLY;BYDAY=1MO',
  'FREQ=MONTHLY;BYDAY=-1FR',
  'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1',
];
const ZONES = ['Asia/Shanghai', 'Asia/Shanghai', 'Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'UTC'];

/**
 * 200 meeting series in all (the preset's four and 196 more) of every cadence,
 * four zones, for everyone, departments or a few members, some for one shift;
 * a skip and a move in the coming weeks for every tenth; 20 past minutes each
 * with attendance, decisions and action items (a quarter still open).
 */
function insertMeetings(db) {
  const rnd = prng(SEED + 7);
  const members = db.prepare('select id, department_id from members order by id').all();
  const departments = db.prepare('select id from departments order by id').pluck().all();
  const now = `${LAST_CHECKIN}T08:00:00.000Z`;
  const have = db.prepare('select count(*) from meetings').pluck().get();
  const insMeeting = db.prepare('insert into meetings (title, kind, facilitator_id, place, shift, everyone, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)');
  const insSchedule = db.prepare('insert into meeting_schedules (meeting_id, valid_from, valid_until, starts_on, rrule, start_time, duration_min, time_zone, created_at) values (?, ?, null, ?, ?, ?, ?, ?, ?)');
  const insAudience = db.prepare('insert into meeting_audience (meeting_id, member_id, department_id) values (?, ?, ?)');
  const insException = db.prepare('insert into meeting_exceptions (meeting_id, occurs_on, kind, moved_to, moved_time, actor, created_at) values (?, ?, ?, ?, ?, ?, ?)');
  const insLog = db.prepare("insert into meeting_logs (meeting_id, occurs_on, held_on, start_time, duration_min, extra, notes, actor, created_at) values (?, ?, ?, ?, ?, 0, null, 'bench', ?)");
  const insAttendance = db.prepare('insert into meeting_attendance (log_id, member_id, status) values (?, ?, ?)');
  const insDecision = db.prepare('insert into meeting_decisions (log_id, position, text) values (?, 1, ?)');
  const insAction = db.prepare("insert into action_items (meeting_id, log_id, owner_id, text, due_date, status, note, closed_at, actor, created_at, updated_at) values (?, ?, ?, ?, ?, ?, null, ?, 'bench', ?, ?)");
  db.transaction(() => {
    for (let i = have; i < SERIES_COUNT; i++) {
      const shift = rnd.next() < 0.1 ? 'late' : null;
      const audience = rnd.next();
      const id = Number(insMeeting.run(`Series ${pad(i + 1, 3)}`, 'custom', members[rnd.int(0, members.length - 1)].id, rnd.next() < 0.5 ? `Room ${rnd.int(1, 9)}` : null, shift, audience < 0.5 ? 1 : 0, now, now).lastInsertRowid);
      const time = `${pad(rnd.int(8, 20))}:${rnd.pick(['00', '15', '30', '45'])}`;
      // Series begin on different days, as a team adds them over the year: no two share a rule's dates.
      const start = isoDay(dayNum(`${YEAR}-01-05`) + ((i * 37) % 300));
      insSchedule.run(id, start, start, RRULES[i % RRULES.length], time, rnd.pick([10, 15, 30, 60, 90]), ZONES[i % ZONES.length], now);
      if (audience >= 0.5 && audience < 0.8) for (const d of rnd.shuffle([...departments]).slice(0, rnd.int(1, 2))) insAudience.run(id, null, d);
      else if (audience >= 0.8) for (let k = 0; k < 5; k++) insAudience.run(id, members[rnd.int(0, members.length - 1)].id, null);
      if (i % 10 === 0) {
        insException.run(id, isoDay(dayNum(LAST_CHECKIN) + 10 + (i % 7)), 'skip', null, null, 'bench', now);
        insException.run(id, isoDay(dayNum(LAST_CHECKIN) + 20 + (i % 5)), 'move', isoDay(dayNum(LAST_CHECKIN) + 21 + (i % 5)), '15:00', 'bench', now);
      }
      for (let k = LOGS_PER_SERIES; k >= 1; k--) {
        const held = isoDay(dayNum(LAST_CHECKIN) - k * 3);
        const logId = Number(insLog.run(id, held, held, time, 30, now).lastInsertRowid);
        const seen = new Set();
        for (let a = 0; a < 10; a++) {
          const m = members[rnd.int(0, members.length - 1)].id;
          if (seen.has(m)) continue;
          seen.add(m);
          insAttendance.run(logId, m, rnd.pick(['present', 'present', 'present', 'present', 'late', 'absent', 'excused']));
        }
        insDecision.run(logId, `decision ${k}`);
        for (let a = 0; a < 2; a++) {
          const open = rnd.next() < 0.25;
          insAction.run(id, logId, members[rnd.int(0, members.length - 1)].id, `action ${k}.${a}`, isoDay(dayNum(held) + 7), open ? 'open' : 'done', open ? null : now, now, now);
        }
      }
    }
  })();
}

// ---------------------------------------------------------------- training

/** Rounds per member: each of their role's courses once, a quarter of the passed ones with their refresher; attempts for most. */
export const SESSION_COUNT = 100;

/**
 * The preset's courses (init added them) for every member's role: about half
 * passed a while ago (by one or two attempts, the refresher rounds opened),
 * some failed with a retake due, the rest planned or started; 100 classes of
 * 10 attendees each.
 */
function insertTraining(db) {
  const rnd = prng(SEED + 11);
  const now = `${LAST_CHECKIN}T08:00:00.000Z`;
  const members = db.prepare('select id, role_id as roleId from members order by id').all();
  const coursesOf = new Map();
  for (const r of db.prepare('select r.role_id as roleId, c.id, c.refresh_months as refresh, c.pass_mark as mark from training_course_roles r join training_courses c on c.id = r.course_id order by c.id').all()) coursesOf.set(r.roleId, [...(coursesOf.get(r.roleId) ?? []), r]);
  const kindsOf = new Map();
  for (const k of db.prepare('select course_id as id, kind from training_course_assessments').all()) kindsOf.set(k.id, [...(kindsOf.get(k.id) ?? []), k.kind]);
  const insItem = db.prepare("insert into training_plan_items (member_id, course_id, source, due_on, started_on, completed_on, passed_on, retake_due_on, refresh_of, actor, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?)");
  const insAttempt = db.prepare("insert into training_assessments (plan_item_id, member_id, course_id, kind, score, passed, assessor_id, note, assessed_on, actor, created_at) values (?, ?, ?, ?, ?, ?, null, null, ?, 'bench', ?)");
  const insSession = db.prepare("insert into training_sessions (course_id, held_on, start_time, duration_min, time_zone, trainer_id, place, attended_at, actor, created_at) values (?, ?, '14:00', 90, 'Asia/Shanghai', null, 'Room 1', ?, 'bench', ?)");
  const insAttendee = db.prepare('insert into training_session_attendees (session_id, member_id, status) values (?, ?, ?)');
  const day = (n) => isoDay(dayNum(LAST_CHECKIN) + n);
  db.transaction(() => {
    for (const m of members) {
      for (const c of coursesOf.get(m.roleId) ?? []) {
        const kinds = kindsOf.get(c.id) ?? [];
        const fate = rnd.next();
        const due = day(rnd.int(-30, 40));
        if (fate < 0.5) {
          const passed = day(-rnd.int(5, 200));
          const id = Number(insItem.run(m.id, c.id, 'onboarding', due, passed, passed, passed, null, null, now, now).lastInsertRowid);
          for (const k of kinds) {
            if (rnd.next() < 0.3) insAttempt.run(id, m.id, c.id, k, c.mark - 10, 0, isoDay(dayNum(passed) - 7), now);
            insAttempt.run(id, m.id, c.id, k, Math.min(100, c.mark + rnd.int(0, 20)), 1, passed, now);
          }
          if (c.refresh) insItem.run(m.id, c.id, 'refresher', isoDay(dayNum(passed) + 30 * c.refresh), null, null, null, null, id, now, now);
        } else if (fate < 0.65 && kinds.length > 0) {
          const at = day(-rnd.int(1, 30));
          const id = Number(insItem.run(m.id, c.id, 'plan', due, at, null, null, isoDay(dayNum(at) + 14), null, now, now).lastInsertRowid);
          insAttempt.run(id, m.id, c.id, kinds[0], c.mark - 15, 0, at, now);
        } else {
          insItem.run(m.id, c.id, rnd.pick(['plan', 'role', 'onboarding']), due, fate < 0.8 ? day(-rnd.int(1, 20)) : null, null, null, null, null, now, now);
        }
      }
    }
    const courses = db.prepare('select id from training_courses order by id').pluck().all();
    for (let i = 0; i < SESSION_COUNT; i++) {
      const held = day(rnd.int(-60, 20));
      const id = Number(insSession.run(rnd.pick(courses), held, held <= LAST_CHECKIN ? now : null, now).lastInsertRowid);
      for (const m of new Set(Array.from({ length: 10 }, () => rnd.pick(members).id))) insAttendee.run(id, m, held <= LAST_CHECKIN ? rnd.pick(['present', 'present', 'present', 'absent']) : 'invited');
    }
  })();
}

// ---------------------------------------------------------------- evaluations

/** Six closed monthly cycles and one open, for all 2,000 members (their role's preset KPIs): 84,000 KPI values. */
export const CLOSED_PERIODS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
export const OPEN_PERIOD = '2026-11';

/**
 * Every value as a lead's import would give it, made from the item's id so
 * that scores spread over 0–100 (some in the bands, some beyond the threshold).
 */
function fillValues(db, period, share) {
  db.prepare(
    `update eval_items set value = case
        when direction = 'within' then target_high + ((id * 7919) % 41) - 20
        when bands is not null and direction = 'lower' then target + ((id * 7919) % 50)
        when bands is not null then target - ((id * 7919) % 50)
        else threshold + (target - threshold) * (((id * 7919) % 120) / 100.0) end,
      value_source = 'import', recorded_at = ?, actor = 'bench'
      where (id * 7919) % 100 < ? and evaluation_id in (select e.id from eval_evaluations e join eval_cycles c on c.id = e.cycle_id where c.period = ?)`,
  ).run(`${LAST_CHECKIN}T08:00:00.000Z`, share, period);
}

// ---------------------------------------------------------------- the reports' week

/**
 * The day the report entries of run.mjs run on (TEAM_TODAY): the Friday of
 * ISO week 2026-W48 (Monday 23 to Sunday 29 November), when a lead writes the
 * weekly report. The other databases' data ends on LAST_CHECKIN (Friday
 * 20 November), so the reports database gets this week on top: check-ins
 * Monday to Friday, minutes of most of the week's meetings up to Thursday,
 * goals reviewed and closed, training rounds passed and classes held.
 */
export const REPORTS_TODAY = `${YEAR}-11-27`;
export const REPORT_WEEK = { week: `${YEAR}-W48`, from: `${YEAR}-11-23`, to: `${YEAR}-11-29` };
export const WEEK_CHECKINS = 2500; // a week of the goals database has 2,300–3,300
export const WEEK_CLOSURES = 40;
const WEEK_PASSES = 150;
/** Share of the week's occurrences before today that got their minutes (the rest show as missed). */
const WEEK_HELD = 0.9;

/** The week's days up to the report's today. */
const weekDays = () => Array.from({ length: dayNum(REPORTS_TODAY) - dayNum(REPORT_WEEK.from) + 1 }, (_, i) => isoDay(dayNum(REPORT_WEEK.from) + i));

/**
 * The week's check-ins (on the open goals in play), minutes with attendance,
 * decisions and action items (due a week later, most still open) for the
 * occurrences the real CLI lists, training rounds passed (a passing attempt
 * per required kind, the refresher opened as `assess` would) and the week's
 * classes marked held.
 */
function insertWeek(db, occurrences) {
  const rnd = prng(SEED + 13);
  const days = weekDays();
  const at = (date) => `${date}T${pad(rnd.int(1, 12))}:${pad(rnd.int(0, 59))}:${pad(rnd.int(0, 59))}.000Z`;
  const goals = db
    .prepare(`select g.id, g.baseline, g.target, g.last_value as last, coalesce(m.handle, ?) as actor from goals g left join members m on m.id = g.owner_member_id
      where g.state = 'open' and g.archived_at is null and g.draft = 0 and g.start_date <= ? and g.due_date >= ? order by g.id`)
    .all(OWNER_HANDLE, REPORTS_TODAY, REPORT_WEEK.from);
  if (goals.length * days.length < WEEK_CHECKINS * 2) throw new Error(`only ${goals.length} goals in play in ${REPORT_WEEK.week}`);
  const insCheckin = db.prepare('insert into goal_checkins (goal_id, date, value, note, actor, created_at) values (?, ?, ?, ?, ?, ?)');
  const setLast = db.prepare('update goals set last_value = ?, last_checkin_date = ?, updated_at = ? where id = ?');
  const members = db.prepare('select id from members order by id').pluck().all();
  const insLog = db.prepare("insert into meeting_logs (meeting_id, occurs_on, held_on, start_time, duration_min, extra, notes, actor, created_at) values (?, ?, ?, ?, ?, 0, null, 'bench', ?)");
  const insAttendance = db.prepare('insert into meeting_attendance (log_id, member_id, status) values (?, ?, ?)');
  const insDecision = db.prepare('insert into meeting_decisions (log_id, position, text) values (?, 1, ?)');
  const insAction = db.prepare("insert into action_items (meeting_id, log_id, owner_id, text, due_date, status, note, closed_at, actor, created_at, updated_at) values (?, ?, ?, ?, ?, ?, null, ?, 'bench', ?, ?)");
  const insAttempt = db.prepare("insert into training_assessments (plan_item_id, member_id, course_id, kind, score, passed, assessor_id, note, assessed_on, actor, created_at) values (?, ?, ?, ?, ?, 1, null, null, ?, 'bench', ?)");
  const pass = db.prepare('update training_plan_items set started_on = coalesce(started_on, ?), completed_on = coalesce(completed_on, ?), passed_on = ?, retake_due_on = null, updated_at = ? where id = ?');
  const insRefresher = db.prepare("insert into training_plan_items (member_id, course_id, source, due_on, refresh_of, actor, created_at, updated_at) values (?, ?, 'refresher', ?, ?, 'bench', ?, ?)");
  const kindsOf = new Map();
  for (const k of db.prepare('select course_id as id, kind from training_course_assessments').all()) kindsOf.set(k.id, [...(kindsOf.get(k.id) ?? []), k.kind]);
  db.transaction(() => {
    // Check-ins: distinct (goal, day) pairs, each goal's values rising from its last one.
    const picked = new Map();
    for (let n = 0; n < WEEK_CHECKINS; ) {
      const g = goals[Math.floor(rnd.next() * goals.length)];
      const d = rnd.int(0, days.length - 1);
      const mine = picked.get(g) ?? new Set();
      if (mine.has(d)) continue;
      picked.set(g, mine.add(d));
      n++;
    }
    for (const g of goals) {
      if (!picked.has(g)) continue;
      let value = g.last ?? g.baseline;
      let last;
      for (const d of [...picked.get(g)].sort((a, b) => a - b)) {
        value = cents(value + (g.target - g.baseline) * (0.01 + rnd.next() * 0.05));
        last = { date: days[d], at: at(days[d]) };
        insCheckin.run(g.id, last.date, value, rnd.next() < 0.1 ? rnd.pick(['大促返场', '黑五活动', '直播场次增加', '退款偏高', '月底冲刺']) : null, g.actor, last.at);
      }
      setLast.run(value, last.date, last.at, g.id);
    }

    // Minutes of the week's occurrences before today.
    for (const x of occurrences) {
      if (x.date >= REPORTS_TODAY || rnd.next() >= WEEK_HELD) continue;
      const created = at(x.date);
      const logId = Number(insLog.run(x.meetingId, x.occursOn, x.date, x.time, x.durationMin, created).lastInsertRowid);
      const seen = new Set();
      for (let a = 0; a < 10; a++) {
        const m = members[rnd.int(0, members.length - 1)];
        if (seen.has(m)) continue;
        seen.add(m);
        insAttendance.run(logId, m, rnd.pick(['present', 'present', 'present', 'present', 'late', 'absent', 'excused']));
      }
      insDecision.run(logId, `decision of ${x.date}`);
      for (let a = 0; a < 2; a++) {
        const open = rnd.next() < 0.7;
        insAction.run(x.meetingId, logId, members[rnd.int(0, members.length - 1)], `action of ${x.date}.${a}`, isoDay(dayNum(x.date) + 7), open ? 'open' : 'done', open ? null : created, created, created);
      }
    }

    // Training: open rounds of active courses (no prerequisites, so none is passed out of order) passed this week.
    const open = db
      .prepare(`select i.id, i.member_id as memberId, i.course_id as courseId, c.pass_mark as mark, c.refresh_months as refresh from training_plan_items i join training_courses c on c.id = i.course_id
        where i.passed_on is null and i.dropped_on is null and c.retired_at is null and not exists (select 1 from training_prerequisites p where p.course_id = c.id) order by i.id`)
      .all();
    for (const r of rnd.shuffle(open).slice(0, WEEK_PASSES)) {
      const day = rnd.pick(days);
      const now = at(day);
      for (const k of kindsOf.get(r.courseId) ?? []) insAttempt.run(r.id, r.memberId, r.courseId, k, Math.min(100, r.mark + rnd.int(0, 20)), day, now);
      pass.run(day, day, day, now, r.id);
      if (r.refresh) insRefresher.run(r.memberId, r.courseId, isoDay(dayNum(day) + 30 * r.refresh), r.id, now, now);
    }
    // The classes held since the other databases' today took place (they were still invitations there).
    const attended = db.prepare('update training_sessions set attended_at = ? where id = ?');
    const mark = db.prepare('update training_session_attendees set status = ? where session_id = ? and member_id = ?');
    for (const s of db.prepare('select id, held_on as held from training_sessions where held_on > ? and held_on < ? order by id').all(LAST_CHECKIN, REPORTS_TODAY)) {
      attended.run(`${s.held}T10:00:00.000Z`, s.id);
      for (const m of db.prepare('select member_id from training_session_attendees where session_id = ? order by member_id').pluck().all(s.id)) mark.run(rnd.pick(['present', 'present', 'present', 'absent']), s.id, m);
    }
  })();
}

/** Member goals of October still open (due before the week): the ones the week's reviews close. */
function goalsToClose(path) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const ids = db
      .prepare(`select g.id from goals g join members m on m.id = g.owner_member_id
        where g.state = 'open' and g.archived_at is null and g.draft = 0 and g.horizon = 'month' and g.due_date = ? and g.last_value is not null and m.archived_at is null order by g.id`)
      .pluck()
      .all(`${YEAR}-10-31`);
    if (ids.length < WEEK_CLOSURES) throw new Error(`only ${ids.length} October goals to close`);
    const step = Math.floor(ids.length / WEEK_CLOSURES);
    return Array.from({ length: WEEK_CLOSURES }, (_, i) => ids[i * step]);
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------- public

const MEMBER_CHECKS = {
  'select count(*) from members': MEMBER_COUNT,
  [`select count(*) from members where handle = '${OWNER_HANDLE}'`]: 1,
};
const GOAL_CHECKS = {
  ...MEMBER_CHECKS,
  'select count(*) from goals': GOAL_COUNT,
  'select count(*) from goal_checkins': CHECKIN_COUNT,
  [`select count(*) from goals where title = '${TREE_TITLE}' and owner_type = 'team'`]: 1,
  [`select count(*) from goals where parent_id = (select id from goals where title = '${TREE_TITLE}' and owner_type = 'team')`]: TREE_CHILDREN,
  [`select count(*) from goals g join members m on m.id = g.owner_member_id where m.handle = '${OWNER_HANDLE}'`]: OWNER_GOALS,
  // Every goal has its stored summary and JSON (`goals refresh` ran after the bulk insert).
  'select count(*) from goals where summary_points is null or json_head is null': 0,
};

/** The generator and every migration's source: an index added to (or edited in) a migration must reach the databases. */
function generatorHash() {
  const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url)));
  const files = readdirSync(`${ROOT}src`, { recursive: true })
    .map(String)
    .filter((f) => /(^|\/)migrations(\/|\.ts$)/.test(f))
    .sort();
  for (const f of files) if (f.endsWith('.ts')) hash.update(f).update(readFileSync(`${ROOT}src/${f}`));
  return hash.digest('hex').slice(0, 16);
}

/** Invalidates every database when the generator or a migration changes, since the counts alone would not notice. */
function checkManifest() {
  const generator = generatorHash();
  const file = `${TMP}manifest.json`;
  let old;
  try {
    old = JSON.parse(readFileSync(file, 'utf8')).generator;
  } catch {
    old = undefined;
  }
  if (old !== generator) {
    for (const p of Object.values(PATHS)) removeDb(p);
    writeFileSync(file, `${JSON.stringify({ generator }, null, 2)}\n`);
  }
}

const MEETING_CHECKS = {
  ...MEMBER_CHECKS,
  'select count(*) from meetings': SERIES_COUNT,
  [`select count(*) from meeting_logs where held_on <= '${LAST_CHECKIN}'`]: (SERIES_COUNT - 4 - new Set(ZONES).size) * LOGS_PER_SERIES,
  'select count(distinct starts_on) from meeting_schedules': SERIES_COUNT - 4 - new Set(ZONES).size + 2,
  [`select count(*) from meeting_time_zones where zone in (${[...new Set(ZONES)].map((z) => `'${z}'`).join(', ')})`]: new Set(ZONES).size,
};

const EVALUATION_CHECKS = {
  ...MEMBER_CHECKS,
  "select count(*) from eval_cycles where state = 'closed'": CLOSED_PERIODS.length,
  [`select count(*) from eval_evaluations e join eval_cycles c on c.id = e.cycle_id where c.period = '${OPEN_PERIOD}'`]: MEMBER_COUNT,
};

const TRAINING_CHECKS = {
  ...MEMBER_CHECKS,
  'select count(*) > 10000 from training_plan_items': 1,
  'select count(*) from training_sessions': SESSION_COUNT,
};

/** All of the above in one database, plus the reports' week (see insertWeek). */
const REPORT_CHECKS = {
  ...GOAL_CHECKS,
  ...MEETING_CHECKS,
  ...TRAINING_CHECKS,
  ...EVALUATION_CHECKS,
  'select count(*) from goal_checkins': CHECKIN_COUNT + WEEK_CHECKINS,
  [`select count(*) from goal_checkins where date between '${REPORT_WEEK.from}' and '${REPORT_WEEK.to}'`]: WEEK_CHECKINS,
  [`select count(*) from goals where closed_at is not null and substr(closed_at, 1, 10) between '${REPORT_WEEK.from}' and '${REPORT_WEEK.to}'`]: WEEK_CLOSURES,
  [`select count(*) > 0 from meeting_logs where held_on between '${REPORT_WEEK.from}' and '${REPORT_WEEK.to}'`]: 1,
  [`select count(*) >= ${WEEK_PASSES} from training_plan_items where passed_on between '${REPORT_WEEK.from}' and '${REPORT_WEEK.to}'`]: 1,
};

// ---------------------------------------------------------------- the steps of each database, applied to a path

/** Runs `fn(db)` on the database at `path` and leaves it closed and checkpointed. */
function withDb(path, fn) {
  const db = new Database(path, { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    closeClean(db);
  }
}

/** Starts `to` as a copy of the finished database `from`. */
function copyDb(from, to) {
  removeDb(to);
  closeClean(new Database(from, { fileMustExist: true })); // fold any WAL into the file before copying it
  copyFileSync(from, to);
}

/** A fresh `team init` with the 2,000 members. */
function buildMembers(path) {
  cliInit(path);
  withDb(path, insertMembers);
}

/** The goals and check-ins, then the real `goals refresh`. */
function addGoals(path) {
  withDb(path, insertGoals);
  cliRefresh(path);
  closeClean(new Database(path, { fileMustExist: true }));
}

function addMeetings(path) {
  // One series per zone through the CLI, which stores each zone's offsets as a lead's `meetings add` does.
  for (const zone of new Set(ZONES)) cli(path, ['meetings', 'add', `Series in ${zone}`, '--repeat', 'workdays', '--time', '09:30', '--tz', zone, '--from', `${YEAR}-01-05`]);
  withDb(path, insertMeetings);
  // What `meetings add` stores for every series (zone offsets, rule dates), for the series inserted directly.
  cli(path, ['meetings', 'refresh']);
}

function addTraining(path) {
  withDb(path, insertTraining);
}

function addEvaluations(path) {
  // Cycles through the CLI (open freezes each member's KPIs, close locks the scores); the values themselves by SQL, as an import writes them.
  for (const period of [...CLOSED_PERIODS, OPEN_PERIOD]) {
    cli(path, ['evals', 'open', '--period', period]);
    withDb(path, (db) => fillValues(db, period, period === OPEN_PERIOD ? 50 : 100));
    if (period !== OPEN_PERIOD) cli(path, ['evals', 'close', '--period', period]);
  }
}

/**
 * The reports' week on a database that has everything else: the week's
 * occurrences as the real CLI lists them, then insertWeek, then goals
 * closed by the real `goals review` on the week's days, and the summaries
 * refreshed on the report's today.
 */
function addWeek(path) {
  const days = weekDays();
  const occurrences = JSON.parse(cli(path, ['meetings', 'upcoming', '--days', String(days.length), '--json'], REPORT_WEEK.from));
  withDb(path, (db) => insertWeek(db, occurrences));
  goalsToClose(path).forEach((id, i) => {
    cli(path, ['goals', 'review', String(id), '--self', '月度复盘：已尽力', '--lead', '已复盘，按实际值结项', '--score', String(3 + (i % 3)), '--outcome', 'none'], days[i % days.length]);
  });
  cli(path, ['goals', 'refresh'], REPORTS_TODAY);
}

/**
 * Makes sure the named databases ('preset', 'members', 'goals', 'meetings',
 * 'training', 'evaluations', 'reports') exist and are complete, building
 * what is missing and what they are made from ('reports' is a copy of
 * 'goals', which is one of 'members'). Returns their paths, the id of the
 * Q1 GMV goal when 'goals' or 'reports' was asked for, and what was built.
 */
export function ensureDatabases(names, log = (s) => process.stderr.write(`${s}\n`)) {
  mkdirSync(TMP, { recursive: true });
  checkManifest();
  const want = new Set(names);
  if (want.has('reports')) want.add('goals');
  if (['goals', 'meetings', 'training', 'evaluations'].some((n) => want.has(n))) want.add('members');
  const built = [];
  const timed = (name, what, build) => {
    const t0 = performance.now();
    build(PATHS[name]);
    built.push(name);
    log(`bench: built ${name}.db${what ? ` (${what})` : ''} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };

  if (want.has('preset') && !probe(PATHS.preset, { 'select count(*) > 0 from roles': 1, 'select count(*) from members': 0 })) timed('preset', '', cliInit);

  const membersFresh = want.has('members') && !probe(PATHS.members, MEMBER_CHECKS);
  if (membersFresh) timed('members', `${MEMBER_COUNT} members`, buildMembers);

  const goalsFresh = want.has('goals') && (membersFresh || !probe(PATHS.goals, GOAL_CHECKS));
  if (goalsFresh) {
    timed('goals', `${GOAL_COUNT} goals, ${CHECKIN_COUNT} check-ins`, (path) => {
      copyDb(PATHS.members, path);
      addGoals(path);
    });
  }

  const onMembers = (steps) => (path) => {
    copyDb(PATHS.members, path);
    for (const step of steps) step(path);
  };
  if (want.has('meetings') && (membersFresh || !probe(PATHS.meetings, MEETING_CHECKS))) {
    timed('meetings', `${SERIES_COUNT} series, ${(SERIES_COUNT - 4 - new Set(ZONES).size) * LOGS_PER_SERIES} minutes`, onMembers([addMeetings]));
  }
  if (want.has('training') && (membersFresh || !probe(PATHS.training, TRAINING_CHECKS))) timed('training', '', onMembers([addTraining]));
  if (want.has('evaluations') && (membersFresh || !probe(PATHS.evaluations, EVALUATION_CHECKS))) timed('evaluations', '', onMembers([addEvaluations]));

  // Everything at once, as the reports read it: the goals database plus the others' steps and the reports' week.
  if (want.has('reports') && (goalsFresh || !probe(PATHS.reports, REPORT_CHECKS))) {
    timed('reports', `goals + meetings + training + evaluations + ${REPORT_WEEK.week}`, (path) => {
      copyDb(PATHS.goals, path);
      for (const step of [addMeetings, addTraining, addEvaluations, addWeek]) step(path);
    });
  }

  let treeId;
  if (want.has('goals')) {
    const db = new Database(PATHS.goals, { readonly: true, fileMustExist: true });
    try {
      treeId = db.prepare(`select id from goals where title = ? and owner_type = 'team'`).pluck().get(TREE_TITLE);
    } finally {
      db.close();
    }
  }
  return { paths: PATHS, treeId, built };
}

// `node bench/seed.mjs [name…]` builds (or checks) the named databases (default: preset, members, goals) without timing anything.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !(n in PATHS));
  if (unknown.length) {
    process.stderr.write(`bench: no database ${unknown.join(', ')}; there are ${Object.keys(PATHS).join(', ')}\n`);
    process.exit(2);
  }
  const { built } = ensureDatabases(names.length ? names : ['preset', 'members', 'goals']);
  if (!built.length) process.stderr.write('bench: databases up to date\n');
}
