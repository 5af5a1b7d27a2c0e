/**
 * The "S" (specific) heuristic for goal titles.
 *
 * A title is vague when it is under 4 characters, or when it has no digit AND
 * no specific object. To find the object, the title is NFKC-normalised and
 * lower-cased, the generic verbs, nouns and fillers below are removed, and
 * what remains is counted: at least 2 Chinese characters or 1 latin word of
 * 2+ letters make an object. So "提高销售额" and "raise sales" are vague;
 * "Q1 天猫店 GMV 提升 20%" (digits), "客服首次响应降到30秒" (digits) and
 * "Grow Tmall store repeat orders" (Tmall, store…) are specific. It is a
 * heuristic: "做好客服工作" passes on "客服", and a number written in Chinese
 * ("两成") does not count as a digit.
 */

const GENERIC_CJK = [
  '提高', '提升', '增加', '增长', '降低', '减少', '改善', '改进', '做好', '加强', '优化', '推动', '促进', '扩大',
  '完善', '实现', '达到', '争取', '努力', '尽量', '持续', '不断', '积极', '全面', '进一步', '大力', '更好', '更多',
  '销售额', '销售', '销量', '业绩', '营收', '收入', '营业额', '利润', '效率', '服务', '质量', '水平', '能力', '工作',
  '表现', '情况', '整体', '管理', '团队', '建设', '效果', '成绩', '目标', '指标', '数据', '各项', '相关', '方面',
  '我们', '的', '得', '地', '了', '和', '与', '及', '等', '把', '将', '要', '让', '使',
].sort((a, b) => b.length - a.length); // longest first, so 销售额 goes before 销售

const GENERIC_LATIN = new Set([
  'raise', 'increase', 'improve', 'grow', 'boost', 'reduce', 'decrease', 'lower', 'cut', 'enhance', 'optimize',
  'optimise', 'strengthen', 'achieve', 'drive', 'better', 'more', 'less', 'higher', 'good', 'great', 'best',
  'sales', 'revenue', 'profit', 'performance', 'efficiency', 'service', 'quality', 'results', 'work', 'team',
  'overall', 'growth', 'improvement', 'goal', 'target', 'things', 'stuff', 'everything', 'keep', 'make', 'get',
  'do', 'be', 'it', 'this', 'our', 'we', 'the', 'an', 'of', 'to', 'for', 'and', 'in', 'on', 'at', 'by', 'with',
  'all', 'some', 'much', 'lot', 'lots', 'very', 'really',
]);

const MIN_TITLE_CHARS = 4;
const MIN_CJK_CHARS = 2;
const MIN_LATIN_WORDS = 1;

/**
 * Whether a goal title is too vague to be Specific (rule above).
 * @example isVagueTitle('提高销售额') // true
 * @example isVagueTitle('Grow Tmall store repeat orders') // false
 */
export function isVagueTitle(title: string): boolean {
  const text = title.normalize('NFKC').trim().toLowerCase();
  if ([...text].length < MIN_TITLE_CHARS) return true;
  if (/[0-9]/.test(text)) return false;
  let cjk = text;
  for (const word of GENERIC_CJK) cjk = cjk.split(word).join(' ');
  const hanLeft = (cjk.match(/\p{Script=Han}/gu) ?? []).length;
  const wordsLeft = (text.match(/[a-z]+/g) ?? []).filter((w) => w.length >= 2 && !GENERIC_LATIN.has(w)).length;
  return hanLeft < MIN_CJK_CHARS && wordsLeft < MIN_LATIN_WORDS;
}
