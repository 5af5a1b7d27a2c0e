/** The goal cascade: `goals tree`, judged from stored summaries, streamed root by root when it is the whole tree. */
import { eachDescendant, eachDescendantOfTopLevel, eachGoalById, eachListedGoal, findGoalById } from './repository.js';
import { countGoalsWithoutJson, eachDescendantOfTopLevelJson, eachListedGoalJsonNode } from './json.repository.js';
import { judge, type Judgement } from './rules/evaluate.js';
import { goalJson, judgedGoalJson, unpackJudgeInput } from './rules/view.js';
import { resolveGoalId } from './resolve.js';
import type { Goal, GoalView } from './rules/goal.js';
import type { ServiceOptions } from '../shared/service.js';
import { evaluateGoals, judgeStream, settle, type GoalTreeNode } from './view.service.js';

/**
 * Turns views into tree nodes in place (children added last, rather than
 * copies: copying 20,000 views of 37 fields cost ~90 ms), with `below` (the
 * descendants, in depth-then-id order) grouped under their parents.
 */
function nodeBuilder(below: readonly GoalView[]): (v: GoalView) => GoalTreeNode {
  const childrenOf = new Map<number, GoalTreeNode[]>();
  for (const v of below) {
    const siblings = childrenOf.get(v.parentId!);
    if (siblings) siblings.push(v as GoalTreeNode);
    else childrenOf.set(v.parentId!, [v as GoalTreeNode]);
  }
  const build = (v: GoalView): GoalTreeNode => {
    const node = v as GoalTreeNode;
    const kids = childrenOf.get(v.id);
    node.children = kids ? kids.map(build) : [];
    return node;
  };
  return build;
}

/**
 * The cascade below one goal, or below every open top-level goal, judged from
 * the stored summaries (two queries, no check-in read) unless the root is
 * archived. With `sink` (whole tree only), each root goes there instead.
 */
export async function getGoalTree(o: ServiceOptions, ref: string | undefined, sink?: (root: GoalTreeNode) => void): Promise<GoalTreeNode[]> {
  // With a sink every root goes there (streamed, or once the tree is built) and the result is empty.
  if (ref === undefined && sink) {
    if (!(await streamTree(o, sink))) for (const root of await getGoalTree(o, undefined)) sink(root);
    return [];
  }
  let roots: Goal[] | undefined;
  if (ref !== undefined) {
    const root = (await findGoalById(o.db, await resolveGoalId(o.db, ref)))!;
    if (root.archivedAt !== null) return evaluatedTree(o, [root]);
    roots = [root];
  }
  const top = await judgeStream(o, async (onGoal) => {
    if (roots === undefined) return eachListedGoal(o.db, { topLevel: true }, onGoal);
    // The root read again, with its summary (findGoalById stays summary-free).
    return eachGoalById(o.db, roots[0]!.id, onGoal);
  }, undefined, true);
  const parents = top.slots.filter((v) => v.childCount > 0).map((v) => v.id);
  const sub = await judgeStream(o, (onGoal) => eachDescendant(o.db, parents, onGoal), undefined, true);
  // A goal without a summary: the whole tree is at hand, so evaluate it all with one more query (the check-ins).
  const unknown = new Set([...top.unknown, ...sub.unknown]);
  const views = await settle(o, { slots: [...top.slots, ...sub.slots], unknown }, undefined, true);
  return views.slice(0, top.slots.length).map(nodeBuilder(views.slice(top.slots.length)));
}

/**
 * The whole tree with each root handed to `sink` as soon as it is judged:
 * first everything below the roots (kept, ~1 goal in 5 on the bench), then the
 * roots streamed, so the roots are never all held. Two queries. False (nothing
 * sent) when a goal below the roots has no stored summary: the caller then
 * builds the tree the other way.
 */
async function streamTree(o: ServiceOptions, sink: (root: GoalTreeNode) => void): Promise<boolean> {
  const sub = await judgeStream(o, (onGoal) => eachDescendantOfTopLevel(o.db, onGoal), undefined, true);
  if (sub.unknown.size > 0) return false;
  const build = nodeBuilder(sub.slots as GoalView[]);
  // A root without a summary stops the streaming there: it and the roots after it are sent in order once evaluated.
  const top = await judgeStream(o, (onGoal) => eachListedGoal(o.db, { topLevel: true }, onGoal), undefined, true, (v) => sink(build(v)));
  for (const v of await settle(o, top)) sink(build(v));
  return true;
}

/**
 * The whole tree as compact JSON texts, root by root, each handed to `sink`
 * as it is judged: the same text as JSON.stringify of `getGoalTree`'s roots.
 * Written from the goals' stored JSON (rules/view.ts): first everything below
 * the roots is read and judged (~1 goal in 5), then the roots are streamed,
 * each written with its cascade. Two queries. From the goals themselves when
 * some live goal has no stored JSON; returns how many have none.
 */
export async function writeGoalTreeJson(o: ServiceOptions, sink: (json: string) => void): Promise<number> {
  // Its queries see one state of the database (see writeGoalsJson).
  return o.db.snapshot(() => writeTreeJson(o, sink));
}

async function writeTreeJson(o: ServiceOptions, sink: (json: string) => void): Promise<number> {
  const missing = await countGoalsWithoutJson(o.db);
  if (missing > 0) {
    await getGoalTree(o, undefined, (root) => sink(JSON.stringify(root)));
    return missing;
  }
  // Held until their root is written, grouped under their parents.
  const childrenOf = new Map<number, Below[]>();
  await eachDescendantOfTopLevelJson(o.db, (row) => {
    const { facts, decimals, summary } = unpackJudgeInput(row.judge);
    const node: Below = { id: row.id, json: row.json, judgement: judge(facts, summary, o.today), decimals };
    const siblings = childrenOf.get(row.parentId);
    if (siblings) siblings.push(node);
    else childrenOf.set(row.parentId, [node]);
  });
  // Children in id order, as getGoalTree has them.
  for (const siblings of childrenOf.values()) siblings.sort((a, b) => a.id - b.id);
  const children = (id: number): string[] => {
    const below = childrenOf.get(id);
    if (!below) return [];
    childrenOf.delete(id);
    return below.map((c) => goalJson(c.json, c.judgement, c.decimals, children(c.id)));
  };
  await eachListedGoalJsonNode(o.db, { topLevel: true }, (row) => sink(judgedGoalJson(row.json, row.judge, o.today, children(row.id))));
  return 0;
}

interface Below {
  id: number;
  json: string;
  judgement: Judgement;
  decimals: number;
}

/** The tree evaluated from check-ins (an archived root: its own check-ins, no summary). */
async function evaluatedTree(o: ServiceOptions, roots: Goal[]): Promise<GoalTreeNode[]> {
  const { views, childrenOf } = await evaluateGoals(o.db, roots, o.today);
  const build = (g: Goal): GoalTreeNode => {
    const node = views.get(g.id)! as GoalTreeNode;
    node.children = (childrenOf.get(g.id) ?? []).map(build);
    return node;
  };
  return roots.map(build);
}

