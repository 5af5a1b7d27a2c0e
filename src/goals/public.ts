/**
 * What other features may use of goals: its services and types, never its
 * repository (lint enforces it). Reports and reminders read goals here.
 */
import type { ServiceOptions } from '../shared/service.js';
import { listDescendants } from './repository.js';
import type { Goal } from './rules/goal.js';

export { addGoal, checkinGoal } from './goals.service.js';
export { splitGoal } from './split.service.js';
export { getGoals, showGoal, type GoalTreeNode } from './view.service.js';
export { getGoalTree } from './tree.service.js';
export { byUrgency, getGoalActivity, getGoalWindow, type CheckinActivity, type GoalActivity, type GoalScope, type GoalWindow } from './digest.service.js';
export { currentPeriod } from './rules/periods.js';
export type { Goal, GoalView } from './rules/goal.js';
export type { GoalStatus } from './rules/evaluate.js';

/** Every goal below one goal, parents before children. */
export function getSubGoals(o: ServiceOptions, id: number): Promise<Goal[]> {
  return listDescendants(o.db, [id]);
}
