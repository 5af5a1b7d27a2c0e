import type { OrgNode } from './rules/org.js';
import { shiftText } from './members.render.js';
import { paint, renderTree } from '../cli/output.js';

/**
 * The reporting tree as text, one member a line:
 *   王芳 (wang.fang) · 电商总监
 *   ├─ 李强 (li.qiang) · 运营经理
 *   │  └─ 赵敏 (zhao.min) · 营销专员
 */
export function renderOrgTree(roots: readonly OrgNode[]): string {
  const label = (n: OrgNode) => {
    const extra = [n.role, n.shift && n.shift !== 'day' ? shiftText(n.shift) : null].filter(Boolean).join(' · ');
    return `${paint.bold(n.name)} (${n.handle})${extra ? paint.dim(` · ${extra}`) : ''}`;
  };
  return renderTree(roots, label, (n) => n.reports);
}
