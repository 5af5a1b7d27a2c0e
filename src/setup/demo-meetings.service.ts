/** The demo's meetings: three weeks of the preset's rhythm with minutes, attendance, plans, problems and actions, relative to today. */
import type { Lang, Localized } from '../i18n/index.js';
import { doneAction, getOccurrences, logMeeting } from '../meetings/public.js';
import { addDays, fromDay, toDay, weekdayOf } from '../shared/dates.js';
import type { ServiceOptions } from '../shared/service.js';

/** How far back the demo's meetings begin. */
export const DEMO_MEETING_DAYS = 21;

const L = (zh: string, en: string): Localized => ({ zh, en });

const PLANS: Record<string, Localized[]> = {
  'wu.xue': [L('回复昨日差评', 'Answer yesterday\'s bad reviews'), L('整理售前常见问题话术', 'Write up answers to common pre-sale questions')],
  'li.qiang': [L('双12 活动报名', 'Sign up for the 12.12 campaign'), L('检查直通车预算', 'Check the paid-search budget')],
  'chen.jing': [L('主图改版 3 张', 'Redo 3 main product images')],
};

const PROBLEMS: Localized[] = [L('wu.xue: 物流延迟导致两条差评', 'wu.xue: two bad reviews over late delivery'), L('chen.jing: 详情页图片加载慢', 'chen.jing: product-page images load slowly'), L('仓库打包高峰期人手不足', 'Not enough hands at the packing peak')];

const WEEKLY: { decision: Localized; action: { owner: string; text: Localized; dueIn: number; done?: boolean } }[] = [
  { decision: L('双12 主推 3 款爆品，预热从下周一开始', 'Push 3 best-sellers for 12.12; warm-up starts next Monday'), action: { owner: 'chen.jing', text: L('双12 主图和详情页改版', 'Redo the 12.12 main images and product pages'), dueIn: 4, done: true } },
  { decision: L('差评 24 小时内必须回复', 'Bad reviews get an answer within 24 hours'), action: { owner: 'li.qiang', text: L('提交双12 活动报名材料', 'Hand in the 12.12 campaign application'), dueIn: 3 } },
  { decision: L('客服首次响应目标维持 30 秒', 'Keep the first-response target at 30 seconds'), action: { owner: 'zhou.yang', text: L('整理差评回复模板', 'Write templates for answering bad reviews'), dueIn: 9 } },
];

const MONTHLY = { decision: L('本月重点：双12 大促和年货节备货', 'This month: the 12.12 sale and stock for the New Year fair'), action: { owner: 'liu.yan', text: L('上月销售数据复盘报告', 'Report on last month\'s sales data'), dueIn: 5 } };

/**
 * Logs the preset's meetings from DEMO_MEETING_DAYS days ago up to yesterday,
 * as their rules give them: each working day a morning meeting with plans and
 * an evening one that checks them and raises problems (日报); each weekly
 * meeting with a decision and an action item; the monthly one, if in range.
 * Some are late, absent or excused; some actions are done, some open, some overdue.
 */
export async function buildDemoMeetings(o: ServiceOptions, lang: Lang): Promise<void> {
  // The preset's series, by their preset keys.
  const titles = { morning: 'morning', evening: 'evening', weekly: 'weekly', monthly: 'monthly' };
  const go = { ...o, actor: 'demo' };
  const from = addDays(o.today, -DEMO_MEETING_DAYS);
  const to = addDays(o.today, -1);
  const dates = async (title: string) => new Set((await getOccurrences(go, title, from, to)).map((x) => x.date));
  const mornings = await dates(titles.morning);
  const evenings = await dates(titles.evening);
  const weeks = await dates(titles.weekly);
  const months = await dates(titles.monthly);
  let week = 0;
  for (let day = toDay(from); day <= toDay(to); day++) {
    const date = fromDay(day);
    // Monday 0 … Friday 4: each weekday its own small story.
    const n = weekdayOf(day);
    if (mornings.has(date)) {
      await logMeeting(go, titles.morning, {
        date,
        ...(n === 1 && { late: ['zheng.hao'] }),
        ...(n === 3 && { excused: ['ma.jun'] }),
        plans: Object.entries(PLANS).map(([h, items]) => `${h}: ${items.map((i) => i[lang]).join('; ')}`),
      });
    }
    if (evenings.has(date)) {
      await logMeeting(go, titles.evening, {
        date,
        ...(n === 4 && { absent: ['sun.li'] }),
        ...(mornings.has(date) && { done: ['wu.xue: all', n % 2 === 0 ? 'li.qiang: all' : 'li.qiang: 1', ...(n === 2 ? [] : ['chen.jing: all'])] }),
        ...(n < PROBLEMS.length && { problems: [PROBLEMS[n]![lang]] }),
      });
    }
    if (weeks.has(date) && week < WEEKLY.length) {
      const w = WEEKLY[week++]!;
      const r = await logMeeting(go, titles.weekly, { date, ...(week === 2 && { absent: ['ma.jun'] }), decisions: [w.decision[lang]], actions: [`${w.action.owner}: ${w.action.text[lang]} [${fromDay(day + w.action.dueIn)}]`] });
      if (w.action.done) await doneAction(go, String(r.actions[0]!.id), lang === 'zh' ? '已上线' : 'live');
    }
    if (months.has(date)) {
      await logMeeting(go, titles.monthly, { date, decisions: [MONTHLY.decision[lang]], actions: [`${MONTHLY.action.owner}: ${MONTHLY.action.text[lang]} [${fromDay(day + MONTHLY.action.dueIn)}]`] });
    }
  }
}
