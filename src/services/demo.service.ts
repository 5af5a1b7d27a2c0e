import { countMembers } from '../db/repositories/members.repository.js';
import { TeamError } from '../domain/errors.js';
import type { Lang } from '../i18n/index.js';
import type { ServiceOptions } from './context.js';
import { addMember } from './members.service.js';
import { applyPreset } from './preset.service.js';

interface DemoMember {
  handle: string;
  name: Record<Lang, string>;
  role: string;
  manager: string | null;
  hireDate: string;
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
  { handle: 'he.tao', name: { zh: '何涛', en: 'He Tao' }, role: 'cs-assistant', manager: 'zhou.yang', hireDate: '2026-10-08', shift: 'day', status: 'probation' },
  { handle: 'ma.jun', name: { zh: '马军', en: 'Ma Jun' }, role: 'warehouse', manager: 'wang.fang', hireDate: '2021-05-01', shift: 'day' },
  { handle: 'liu.yan', name: { zh: '刘燕', en: 'Liu Yan' }, role: 'data-analyst', manager: 'wang.fang', hireDate: '2023-07-17', shift: 'day' },
];

/** Loads the e-commerce preset and the demo team into an empty database. */
export async function buildDemo(o: ServiceOptions, lang: Lang): Promise<void> {
  if ((await countMembers(o.db)) > 0) throw new TeamError('demo.exists', { path: '' });
  await applyPreset(o, 'ecommerce', lang);
  await o.db.transaction(async () => {
    for (const m of DEMO_MEMBERS) {
      await addMember(o, {
        handle: m.handle,
        name: m.name[lang],
        role: m.role,
        ...(m.manager !== null && { manager: m.manager }),
        hireDate: m.hireDate,
        shift: m.shift,
        ...(m.status && { status: m.status }),
      });
    }
  });
}
