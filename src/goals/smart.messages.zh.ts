import type { SmartCode } from './rules/smart.js';

/** SMART 检查各代码的一行说明（见 smart.en.ts）。 */
export const smartZh: Record<SmartCode, string> = {
  'smart.S.vague': 'S 具体：标题太笼统（“{title}”），写明对象和数字，例如“本季度天猫店销售额提升 20%”',
  'smart.M.noMetric': 'M 可衡量：没有指标，写明衡量什么，例如 GMV、订单数、首次响应时间',
  'smart.M.noTarget': 'M 可衡量：没有目标值',
  'smart.M.noDirection': 'M 可衡量：没有方向，写明是提升、降低、不低于还是不高于目标值',
  'smart.M.targetEqualsBaseline': 'M 可衡量：目标值 {target} 与基线相同，等于没有变化；要保持水平请用“不低于/不高于”',
  'smart.M.directionMismatch': 'M 可衡量：目标值 {target} 与基线 {baseline} 和方向（{direction}）相反，请检查方向或数字',
  'smart.A.beyondHistory': 'A 可实现：每 30 天需要变化 {required}{unit}，是该指标历史最好水平（每 30 天 {best}{unit}）的 {factor} 倍',
  'smart.A.againstHistory': 'A 可实现：每 30 天需要变化 {required}{unit}，但该指标历史上从未朝这个方向变化（最好每 30 天 {best}{unit}）',
  'smart.A.beyondPastGoals': 'A 可实现：每 30 天需要变化 {required}{unit}，是以往最高目标（每 30 天 {best}{unit}）的 {factor} 倍',
  'smart.R.noReason': 'R 相关：没有上级目标，也没有说明原因；关联上级目标或写明为什么重要',
  'smart.T.noDue': 'T 有时限：没有截止日期',
  'smart.T.dueBeforeStart': 'T 有时限：截止日期 {due} 早于开始日期 {start}',
};
