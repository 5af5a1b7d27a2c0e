/** The goal templates shipped in the e-commerce preset (data/presets/ecommerce.json), and filling a new goal from one. */
import ecommerce from '../../data/presets/ecommerce.json' with { type: 'json' };
import type { Lang } from '../i18n/index.js';
import { InputError } from '../shared/errors.js';
import type { ServiceOptions } from '../shared/service.js';
import { currentPeriod } from './rules/periods.js';
import { grownTarget, type GoalTemplate } from './rules/templates.js';
import { knownUnit, type Direction, type MetricKind } from './rules/units.js';

export const goalTemplates: readonly GoalTemplate[] = (ecommerce as { goalTemplates: GoalTemplate[] }).goalTemplates;

/** What a template can fill in for a new goal (the flags' names). */
export interface TemplateFields {
  title?: string | undefined;
  metric?: string | undefined;
  unit?: string | undefined;
  kind?: MetricKind | undefined;
  direction?: Direction | undefined;
  baseline?: number | undefined;
  target?: number | undefined;
  why?: string | undefined;
  parent?: string | undefined;
  start?: string | undefined;
  due?: string | undefined;
}

/**
 * Fills a template's metric, unit, kind, direction, target, reason and
 * current period into what the flags left open, in the team's language.
 * @example fromTemplate(o, 'gmv-quarter', { baseline: 1500000 }, 'zh').target // 1800000
 */
export function fromTemplate<T extends TemplateFields>(o: Pick<ServiceOptions, 'today'>, key: string, input: T, lang: Lang): T {
  const tpl = goalTemplates.find((x) => x.key === key);
  if (!tpl) throw new InputError('goals.err.unknownTemplate', { value: key });
  const [start, due] = currentPeriod(tpl.horizon, input.start ?? o.today);
  const decimals = knownUnit(tpl.unit)?.decimals ?? 2;
  if (tpl.growthPct !== undefined && input.baseline === undefined && input.target === undefined) {
    throw new InputError('goals.err.templateNeedsBaseline', { template: tpl.key, pct: tpl.growthPct });
  }
  const grown = tpl.growthPct !== undefined && input.baseline !== undefined ? grownTarget(input.baseline, tpl.growthPct, decimals) : undefined;
  return {
    ...input,
    title: input.title ?? tpl.title[lang],
    metric: input.metric ?? tpl.metric[lang],
    unit: input.unit ?? tpl.unit,
    kind: input.kind ?? tpl.kind,
    direction: input.direction ?? tpl.direction,
    target: input.target ?? tpl.target ?? grown,
    why: input.why ?? (input.parent === undefined ? tpl.why[lang] : undefined),
    start: input.start ?? start,
    due: input.due ?? due,
  };
}
