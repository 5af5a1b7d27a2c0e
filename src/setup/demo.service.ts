import { InputError } from '../shared/errors.js';
import type { Lang } from '../i18n/index.js';
import type { ServiceOptions } from '../shared/service.js';
import { addMember, countMembers } from '../org/public.js';
import { applyPreset } from './preset.service.js';
import { buildDemoMeetings, DEMO_MEETING_DAYS } from './demo-meetings.service.js';
import { buildDemoTraining, DEMO_NEWCOMER_DAYS } from './demo-training.service.js';
import { buildDemoEvaluations } from './demo-evaluations.service.js';
import { addDays, fromDay, toDay } from '../shared/dates.js';
import { addGoal, checkinGoal, currentPeriod, getSubGoals, splitGoal } from '../goals/public.js';

interface DemoMember {
  handle: string;
  name: Record<Lang, string>;
  role: string;
  manager: string | null;
  /** A date, or how many days ago (the newcomer, whose onboarding is under way whenever the demo runs). */
  hireDate: string | number;
  shift: string;
  status?: 'probation' | 'leave';
}

/** A small Tmall shop: director, operations with marketing and live-stream, design, a CS desk on two shifts, a warehouse and data. */
export const DEMO_MEMBERS: readonly DemoMember[] = [
  { handle: 'wang.fang', name: { zh: '王芳', en: 'Wang Fang' }, role: 'director', manager: null, hireDate: '2021-03-01', shift: 'day' },
  { handle: 'li.qiang', name: { zh: '李强', en: 'Li Qiang' }, role: 'ops-manager', manager: 'wang.fang', hireDate: '2021-06-15', shift: 'day' },
  { handle: 'zhao.min', name: { zh: '赵敏', en: 'Zhao Min' }, role: 'marketing-specialist', manager: 'li.qiang', hireDate: '2022-04-01', shift: 'day' },
  { handle: 'sun.li', name: { zh: '孙丽', en: 'Sun Li' }, role: 'live-host', manager: 'li.qiang', hireDate: '2023-09-01', shift: 'late' },
  { handle: 'chen.jing', name: { zh: '陈静', en: 'Chen Jing' }, role: 'designer', manager: 'li.qiang', hireDate: '2022-02-20', shift: 'day' },
  { handle: 'zhou.yang', name: { zh: '周洋', en: 'Zhou Yang' }, role: 'cs-manager', manager: 'wang.fang', hireDate: '2021-08-01', shift: 'day' },
  { handle: 'wu.xue', name: { zh: '吴雪', en: 'Wu Xue' }, role: 'cs-presale', manager: 'zhou.yang', hireDate: '2023-03-10', shift: 'day' },
  { handle: 'zheng.hao', name: { zh: '郑浩', en: 'Zheng Hao' }, role: 'cs-presale', manager: 'zhou.yang', hireDate: '2024-05-06', shift: 'late' },
  { handle: 'xu.lin', name: { zh: '徐琳', en: 'Xu Lin' }, role: 'cs-aftersale', manager: 'zhou.yang', hireDate: '2022-11-01', shift: 'day' },
  { handle: 'he.tao', name: { zh: '何涛', en: 'He Tao' }, role: 'cs-assistant', manager: 'zhou.yang', hireDate: DEMO_NEWCOMER_DAYS, shift: 'day', status: 'probation' },
  { handle: 'ma.jun', name: { zh: '马军', en: 'Ma Jun' }, role: 'warehouse', manager: 'wang.fang', hireDate: '2021-05-01', shift: 'day' },
  { handle: 'liu.yan', name: { zh: '刘燕', en: 'Liu Yan' }, role: 'data-analyst', manager: 'wang.fang', hireDate: '2023-07-17', shift: 'day' },
];

const DEMO_TEXT = {
  gmv: { zh: '本季度天猫店 GMV 提升 20%', en: 'Raise Tmall store GMV 20% this quarter' },
  gmvWhy: { zh: '年度增长计划：全年 GMV 增长 20%', en: 'The annual plan: grow GMV 20% this year' },
  frt: { zh: '本月客服首次响应不超过 30 秒', en: 'Keep first response within 30 seconds this month' },
  frtWhy: { zh: '客服考核标准：首次响应 ≤ 30 秒', en: 'The CS standard: first response within 30 seconds' },
  metricGmv: { zh: 'GMV', en: 'GMV' },
  metricFrt: { zh: '首次响应时长', en: 'First response time' },
};

/** How each seller is doing against plan: one ahead, one close, one behind (at risk). */
const PACE: Record<string, number> = { 'li.qiang': 1.06, 'zhao.min': 1.01, 'sun.li': 0.9 };
const FRT: Record<string, number[]> = { 'wu.xue': [34, 31, 29, 27], 'zheng.hao': [41, 38, 36, 35], 'xu.lin': [33, 30, 28, 28] };

/**
 * The demo's goals, relative to today: a quarterly team GMV goal split per
 * seller per month with weekly check-ins (one seller at risk), and this
 * month's first-response goal for the CS desk, split per member.
 */
async function buildDemoGoals(o: ServiceOptions, lang: Lang, today: string): Promise<void> {
  const go = { ...o, today, actor: 'demo' };
  const [qStart, qDue] = currentPeriod('quarter', today);
  const { goal: gmv } = await addGoal(
    go,
    { title: DEMO_TEXT.gmv[lang], owner: 'team', metric: DEMO_TEXT.metricGmv[lang], unit: '¥', baseline: 1500000, target: 1800000, start: qStart, due: qDue, why: DEMO_TEXT.gmvWhy[lang] },
    false,
  );
  await splitGoal(go, String(gmv.id), { by: 'member,period', members: Object.keys(PACE), period: 'month', weights: [2, 1, 1] });
  for (const month of await getSubGoals(o, gmv.id)) {
    if (month.periodLabel === null || month.start === null || month.due === null || month.target === null) continue;
    const pace = PACE[month.owner] ?? 1;
    const start = toDay(month.start);
    const end = Math.min(toDay(month.due), toDay(today));
    const span = toDay(month.due) - start + 1;
    for (let day = start + 6; day <= end; day = day === end ? end + 1 : Math.min(day + 7, end)) {
      const value = Math.round((month.target * pace * (day - start + 1)) / span);
      await checkinGoal(go, String(month.id), { value, date: fromDay(day) });
    }
  }
  const [mStart, mDue] = currentPeriod('month', today);
  const { goal: frt } = await addGoal(
    go,
    { title: DEMO_TEXT.frt[lang], owner: 'cs', metric: DEMO_TEXT.metricFrt[lang], unit: 's', direction: 'at-most', baseline: 38, target: 30, start: mStart, due: mDue, why: DEMO_TEXT.frtWhy[lang] },
    false,
  );
  await splitGoal(go, String(frt.id), { by: 'member', members: Object.keys(FRT) });
  for (const child of await getSubGoals(o, frt.id)) {
    const values = FRT[child.owner] ?? [];
    for (const [i, value] of values.entries()) {
      const day = toDay(mStart) + 1 + i * 6;
      if (day <= toDay(today)) await checkinGoal(go, String(child.id), { value, date: fromDay(day) });
    }
  }
}

/** Loads the e-commerce preset, the demo team, its goals, three weeks of meetings and its training into an empty database. */
export async function buildDemo(o: ServiceOptions, lang: Lang): Promise<void> {
  if ((await countMembers(o.db)) > 0) throw new InputError('setup.demo.exists', { path: '' });
  // The rhythm meetings begin three weeks ago, so that the demo has minutes.
  await applyPreset({ ...o, today: addDays(o.today, -DEMO_MEETING_DAYS) }, 'ecommerce', lang);
  await o.db.transaction(async () => {
    for (const m of DEMO_MEMBERS) {
      // What training says of each hire (onboarding planned, or over) is not news in a demo.
      await addMember({ ...o, notices: [] }, {
        handle: m.handle,
        name: m.name[lang],
        role: m.role,
        ...(m.manager !== null && { manager: m.manager }),
        hireDate: typeof m.hireDate === 'number' ? addDays(o.today, -m.hireDate) : m.hireDate,
        shift: m.shift,
        ...(m.status && { status: m.status }),
      });
    }
    await buildDemoGoals(o, lang, o.today);
    await buildDemoMeetings(o, lang);
    await buildDemoTraining(o);
    await buildDemoEvaluations(o, lang);
  });
}
