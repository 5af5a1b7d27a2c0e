/** The goal templates shipped in the e-commerce preset (data/presets/ecommerce.json). */
import ecommerce from '../../data/presets/ecommerce.json' with { type: 'json' };
import type { GoalTemplate } from './rules/templates.js';

export const goalTemplates: readonly GoalTemplate[] = (ecommerce as { goalTemplates: GoalTemplate[] }).goalTemplates;
