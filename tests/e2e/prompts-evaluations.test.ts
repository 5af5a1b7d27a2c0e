/**
 * The `team kpis add` wizard on a real pseudo-terminal: each answer is
 * checked at its prompt (an unknown role, a name the role has, a threshold on
 * the wrong side of the target, a weight out of range or taking the role past
 * 100) and asked again at once; Ctrl-C writes nothing; flags given are not
 * asked. Without a terminal the command names what is missing, in one line.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, fromBase, query, spawn as runTeam, tempDb } from '../helpers.js';
import { CTRL_C, DOWN, ENTER, erase, hasScript, onTerminal } from './terminal.js';

// onTerminal pins TEAM_TODAY=2026-11-23: the set-up runs on the same day.
const TODAY = { env: { TEAM_TODAY: '2026-11-23' } };
const WAREHOUSE = 'Warehouse and logistics';
/** A role of its own, with no KPI yet. */
const CLERK = 'Returns clerk';
/** Down arrows to an entry of the "Which is better" list: higher, lower, within. */
const LOWER = DOWN;
const WITHIN = DOWN.repeat(2);

let t: ReturnType<typeof tempDb>;
// The set-up is built by the binary once for the file, then copied for each test.
beforeEach(async () => {
  t = tempDb();
  await fromBase(t.db, 'kpis add on a terminal', async (db) => {
    expect(runTeam(db, ['init'], TODAY).code).toBe(0);
    // The preset's Warehouse KPIs total 100: without Days of stock (15) they total 85.
    expect(runTeam(db, ['kpis', 'rm', 'Days of stock', '--role', WAREHOUSE, '--yes'], TODAY).code).toBe(0);
    expect(runTeam(db, ['roles', 'add', CLERK], TODAY).code).toBe(0);
  });
});
afterEach(() => t.cleanup());

/** The screen with the line breaks taken out: the prompt library wraps a message at the terminal's 80 columns, in the middle of a word. */
const flat = (screen: string) => screen.replace(/\r?\n/g, '');
/** `message` is on the screen, and before `next` (asked again at once, not after the last question). */
const before = (screen: string, message: string, next: string) => {
  const s = flat(screen);
  const at = s.indexOf(message);
  expect(at, message).toBeGreaterThan(-1);
  expect(s.indexOf(next), `${next} is on the screen`).toBeGreaterThan(-1);
  expect(at, `${message} before ${next}`).toBeLessThan(s.indexOf(next));
};

const KPI_COLUMNS = 'k.name, k.unit, k.direction, k.target, k.target_high, k.threshold, k.threshold_high, k.bands, k.weight, k.source, k.goal_metric, k.goal_use, k.preset_key, k.removed_at';
const kpi = (role: string, name: string) => query(t.db, `select ${KPI_COLUMNS} from eval_kpis k join roles r on r.id = k.role_id where r.name = ? and k.name = ?`, role, name);
const liveTotal = async (role: string) =>
  (await query<{ total: number | null }>(t.db, 'select sum(k.weight) as total from eval_kpis k join roles r on r.id = k.role_id where r.name = ? and k.removed_at is null', role))[0]!.total;
const row = (over: Record<string, unknown>) => ({
  unit: '%',
  direction: 'higher',
  target_high: null,
  threshold_high: null,
  bands: null,
  source: null,
  goal_metric: null,
  goal_use: null,
  preset_key: null,
  removed_at: null,
  ...over,
});

describe.skipIf(!hasScript)('kpis add on a terminal', () => {
  it('checks each answer at its prompt: an unknown role, a blank or taken name, a target, a threshold on the wrong side, a weight out of range or past 100 are refused and asked again', async () => {
    const r = await onTerminal(
      t.db,
      ['kpis', 'add'],
      [
        `Warehose and logistics${ENTER}`,
        `${erase('Warehose and logistics')}${WAREHOUSE}${ENTER}`,
        `   ${ENTER}`,
        // Any case: the role already has "Shipping accuracy".
        `${erase('   ')}shipping accuracy${ENTER}`,
        `${erase('shipping accuracy')}Pick rate${ENTER}`,
        ENTER,
        ENTER,
        `abc${ENTER}`,
        `${erase('abc')}98${ENTER}`,
        // Higher is better: a threshold at or above the target scores nothing.
        `99${ENTER}`,
        `${erase('99')}98${ENTER}`,
        `${erase('98')}90${ENTER}`,
        `0${ENTER}`,
        `${erase('0')}101${ENTER}`,
        // 85 + 20 = 105.
        `${erase('101')}20${ENTER}`,
        `${erase('20')}15${ENTER}`,
      ],
    );
    expect(r.code).toBe(0);
    before(r.screen, `No role matches "Warehose and logistics". Did you mean "${WAREHOUSE}"?`, `✔ Role ${WAREHOUSE}`);
    before(r.screen, `✔ Role ${WAREHOUSE}`, '? KPI name');
    before(r.screen, 'Give it a name.', `${WAREHOUSE} already has a KPI "Shipping accuracy".`);
    before(r.screen, `${WAREHOUSE} already has a KPI "Shipping accuracy".`, '✔ KPI name Pick rate');
    before(r.screen, '✔ KPI name Pick rate', '? Unit');
    expect(r.screen).toContain('? Unit (%)');
    expect(r.screen).toContain('✔ Unit %');
    expect(r.screen).toContain('❯ higher is better');
    expect(r.screen).toContain('✔ Which is better higher is better');
    before(r.screen, '--target: "abc" is not a number or a range like 20-35.', '✔ Target (scores 100; within: low-high) 98');
    before(r.screen, 'Higher is better: the threshold (scores 0) must be below the target (98).', '✔ Threshold (scores 0; within: low-high) 90');
    // Both wrong answers were refused, the one at the target too.
    expect(flat(r.screen).split('Higher is better: the threshold').length).toBeGreaterThanOrEqual(3);
    expect(flat(r.screen)).not.toContain('✔ Threshold (scores 0; within: low-high) 99');
    before(r.screen, '--weight: a weight is more than 0 and at most 100 (got "0").', '✔ Weight (the role totals 100) 15');
    before(r.screen, '--weight: a weight is more than 0 and at most 100 (got "101").', '✔ Weight (the role totals 100) 15');
    before(r.screen, `${WAREHOUSE}'s KPI weights would total 105: more than 100.`, '✔ Weight (the role totals 100) 15');
    before(r.screen, '✔ Weight (the role totals 100) 15', 'Added KPI');
    expect(r.screen).toContain(`Added KPI "Pick rate" to ${WAREHOUSE}: ≥ 98%, 0 at 90, weight 15.`);
    expect(flat(r.screen)).toContain(`${WAREHOUSE}'s KPI weights total 100: ready for a cycle.`);
    expect(await kpi(WAREHOUSE, 'Pick rate')).toEqual([row({ name: 'Pick rate', target: 98, threshold: 90, weight: 15 })]);
    expect(await liveTotal(WAREHOUSE)).toBe(100);
  });

  it('lower is better: a threshold below the target is refused; the unit typed is kept', async () => {
    const r = await onTerminal(
      t.db,
      ['kpis', 'add'],
      [`${CLERK}${ENTER}`, `Return handling time${ENTER}`, `h${ENTER}`, LOWER, ENTER, `24${ENTER}`, `12${ENTER}`, `${erase('12')}48${ENTER}`, `40${ENTER}`],
    );
    expect(r.code).toBe(0);
    expect(r.screen).toContain('✔ Unit h');
    expect(r.screen).toContain('✔ Which is better lower is better');
    before(r.screen, 'Lower is better: the threshold (scores 0) must be above the target (24).', '✔ Threshold (scores 0; within: low-high) 48');
    expect(r.screen).toContain(`Added KPI "Return handling time" to ${CLERK}`);
    expect(flat(r.screen)).toContain(`${CLERK}'s KPI weights total 40 of 100: a cycle can use them only at 100.`);
    expect(await kpi(CLERK, 'Return handling time')).toEqual([row({ name: 'Return handling time', unit: 'h', direction: 'lower', target: 24, threshold: 48, weight: 40 })]);
  });

  it('within a band: thresholds not outside the target range are refused, and the ranges are saved', async () => {
    const r = await onTerminal(
      t.db,
      ['kpis', 'add'],
      [`${CLERK}${ENTER}`, `Days of stock${ENTER}`, `days${ENTER}`, WITHIN, ENTER, `20-35${ENTER}`, `30-40${ENTER}`, `${erase('30-40')}5-60${ENTER}`, `15${ENTER}`],
    );
    expect(r.code).toBe(0);
    expect(r.screen).toContain('✔ Which is better within a band');
    before(r.screen, 'Within a band: the thresholds (score 0) lie outside the target range, one below and one above.', '✔ Threshold (scores 0; within: low-high) 5-60');
    expect(r.screen).toContain(`Added KPI "Days of stock" to ${CLERK}`);
    expect(await kpi(CLERK, 'Days of stock')).toEqual([row({ name: 'Days of stock', unit: 'days', direction: 'within', target: 20, target_high: 35, threshold: 5, threshold_high: 60, weight: 15 })]);
  });

  it('refuses a weight past 100 counting the live KPIs of the role answered only', async () => {
    // The clerk has 90 already; the Warehouse role has 85 and a KPI "Work quality" of its own.
    expect(runTeam(t.db, ['kpis', 'add', 'Work quality', '--role', CLERK, '--target', '95', '--threshold', '60', '--weight', '90'], TODAY).code).toBe(0);
    const r = await onTerminal(t.db, ['kpis', 'add', '--role', CLERK], [`Efficiency${ENTER}`, ENTER, ENTER, `95${ENTER}`, `60${ENTER}`, `15${ENTER}`, `${erase('15')}10${ENTER}`]);
    expect(r.code).toBe(0);
    before(r.screen, `${CLERK}'s KPI weights would total 105: more than 100.`, '✔ Weight (the role totals 100) 10');
    expect(await kpi(CLERK, 'Efficiency')).toEqual([row({ name: 'Efficiency', target: 95, threshold: 60, weight: 10 })]);
    expect(await liveTotal(CLERK)).toBe(100);
    expect(await liveTotal(WAREHOUSE)).toBe(85);
  });

  it('asks nothing the flags give', async () => {
    const r = await onTerminal(t.db, ['kpis', 'add', 'Pick rate', '--role', WAREHOUSE, '--unit', 'lines/h', '--direction', 'higher', '--target', '120'], [`130${ENTER}`, `${erase('130')}80${ENTER}`, `15${ENTER}`]);
    expect(r.code).toBe(0);
    for (const prompt of ['? Role', '? KPI name', '? Unit', '? Which is better', '? Target']) expect(r.screen).not.toContain(prompt);
    before(r.screen, 'Higher is better: the threshold (scores 0) must be below the target (120).', '✔ Threshold (scores 0; within: low-high) 80');
    expect(r.screen).toContain('✔ Weight (the role totals 100) 15');
    expect(await kpi(WAREHOUSE, 'Pick rate')).toEqual([row({ name: 'Pick rate', unit: 'lines/h', target: 120, threshold: 80, weight: 15 })]);
  });

  it('asks no threshold (and no target: the best band is it) for a KPI scored by bands', async () => {
    const r = await onTerminal(t.db, ['kpis', 'add', 'Reply time', '--role', CLERK, '--unit', 's', '--direction', 'lower', '--bands', '60:50,30:100'], [`50${ENTER}`]);
    expect(r.code).toBe(0);
    expect(r.screen).not.toContain('? Unit');
    expect(r.screen).not.toContain('? Which is better');
    expect(r.screen).not.toContain('? Threshold');
    expect(r.screen).not.toContain('? Target');
    expect(r.screen).toContain('✔ Weight (the role totals 100) 50');
    expect(await kpi(CLERK, 'Reply time')).toEqual([
      row({ name: 'Reply time', unit: 's', direction: 'lower', target: 30, threshold: null, bands: JSON.stringify([{ bound: 30, score: 100 }, { bound: 60, score: 50 }]), weight: 50 }),
    ]);
  });

  it('asks the questions in the language of the team', async () => {
    const r = await onTerminal(t.db, ['--lang', 'zh', 'kpis', 'add'], [`${CLERK}${ENTER}`, CTRL_C]);
    expect(r.code).toBe(130);
    expect(r.screen).toContain('? 岗位');
    expect(r.screen).toContain('? KPI 名称');
  });

  it('Bug: the weight refusal names the role as typed ("returns"), not the role it matched, as the command itself does', async () => {
    expect(runTeam(t.db, ['kpis', 'add', 'Work quality', '--role', CLERK, '--target', '95', '--threshold', '60', '--weight', '90'], TODAY).code).toBe(0);
    const r = await onTerminal(t.db, ['kpis', 'add'], [`returns${ENTER}`, `Efficiency${ENTER}`, ENTER, ENTER, `95${ENTER}`, `60${ENTER}`, `15${ENTER}`, `${erase('15')}10${ENTER}`]);
    expect(r.code).toBe(0);
    // Shown: "returns's KPI weights would total 105: more than 100."
    before(r.screen, `${CLERK}'s KPI weights would total 105: more than 100.`, '✔ Weight (the role totals 100) 10');
  });

  it('Bug: "within a band" takes a single number as the target, then refuses every threshold (the target cannot be asked again): only Ctrl-C gets out', async () => {
    const r = await onTerminal(
      t.db,
      ['kpis', 'add'],
      [`${CLERK}${ENTER}`, `Days of stock${ENTER}`, ENTER, WITHIN, ENTER, `20${ENTER}`, `${erase('20')}20-35${ENTER}`, `5-60${ENTER}`, `15${ENTER}`, CTRL_C],
    );
    // Shown instead: "✔ Target … 20", then at the threshold "Within a band: give --target low-high and --threshold low-high." for every answer.
    before(r.screen, 'Within a band', '? Threshold');
    expect(r.code).toBe(0);
  });

  it('on a terminal, what the flags leave out is asked even when NAME, --role and --weight are given (was a bug: the command failed)', async () => {
    const r = await onTerminal(t.db, ['kpis', 'add', 'Pick rate', '--role', WAREHOUSE, '--weight', '15'], [ENTER, ENTER, `98${ENTER}`, `90${ENTER}`]);
    expect(r.screen).toContain('✔ Target (scores 100; within: low-high) 98');
    expect(r.screen).toContain('✔ Threshold (scores 0; within: low-high) 90');
    expect(r.code).toBe(0);
    expect(await kpi(WAREHOUSE, 'Pick rate')).toEqual([row({ name: 'Pick rate', unit: '%', direction: 'higher', target: 98, threshold: 90, bands: null, weight: 15 })]);
  });
});

describe.skipIf(!hasScript)('Ctrl-C in the kpis add wizard', () => {
  it.each([
    ['at the role', [`${WAREHOUSE}`, CTRL_C], '? Role'],
    ['at the name, after a refused one', [`${WAREHOUSE}${ENTER}`, `Shipping accuracy${ENTER}`, CTRL_C], 'already has a KPI'],
    ['at the direction list', [`${WAREHOUSE}${ENTER}`, `Pick rate${ENTER}`, ENTER, DOWN, CTRL_C], '? Which is better'],
    ['at the threshold', [`${WAREHOUSE}${ENTER}`, `Pick rate${ENTER}`, ENTER, ENTER, `98${ENTER}`, `90`, CTRL_C], '? Threshold'],
    ['at the weight, the last question', [`${WAREHOUSE}${ENTER}`, `Pick rate${ENTER}`, ENTER, ENTER, `98${ENTER}`, `90${ENTER}`, `15`, CTRL_C], '? Weight'],
    ['at the weight, after a refused one', [`${WAREHOUSE}${ENTER}`, `Pick rate${ENTER}`, ENTER, ENTER, `98${ENTER}`, `90${ENTER}`, `20${ENTER}`, CTRL_C], 'would total 105'],
  ])('%s exits 130 and writes nothing', async (_name, keys, shown) => {
    const dump = await dumpDb(t.db);
    const r = await onTerminal(t.db, ['kpis', 'add'], keys);
    expect(r.code).toBe(130);
    expect(flat(r.screen)).toContain(shown);
    expect(r.screen).toContain('Cancelled; nothing was written.');
    expect(r.screen).not.toContain('Added KPI');
    expect(await dumpDb(t.db)).toEqual(dump);
  });
});

describe('kpis add without a terminal', () => {
  it.each([
    [['kpis', 'add'], 'NAME, --role, --target, --threshold, --weight'],
    [['kpis', 'add', 'Pick rate'], '--role, --target, --threshold, --weight'],
    [['kpis', 'add', '--role', WAREHOUSE, '--weight', '15', '--target', '98', '--threshold', '90'], 'NAME'],
    [['kpis', 'add', 'Pick rate', '--role', WAREHOUSE, '--target', '98', '--threshold', '90'], '--weight'],
    [['kpis', 'add', 'Pick rate', '--weight', '15'], '--role, --target, --threshold'],
  ])('team %j names %s in one line, exit 2, nothing written', async (args, missing) => {
    const dump = await dumpDb(t.db);
    const r = runTeam(t.db, args, TODAY);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`team: Missing ${missing} (no terminal to ask on: pass them as flags).\n`);
    expect(r.stdout).toBe('');
    expect(await dumpDb(t.db)).toEqual(dump);
  });

  it('with NAME, --role and --weight but no target: one line naming the target, exit 2, nothing written', async () => {
    const dump = await dumpDb(t.db);
    const r = runTeam(t.db, ['kpis', 'add', 'Pick rate', '--role', WAREHOUSE, '--weight', '15'], TODAY);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('team: Missing --target, --threshold (no terminal to ask on: pass them as flags).\n');
    expect(await dumpDb(t.db)).toEqual(dump);
  });

  it('with every flag, adds the KPI without asking', async () => {
    const r = runTeam(t.db, ['kpis', 'add', 'Pick rate', '--role', WAREHOUSE, '--target', '98', '--threshold', '90', '--weight', '15'], TODAY);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Added KPI "Pick rate" to ${WAREHOUSE}: ≥ 98, 0 at 90, weight 15.\n${WAREHOUSE}'s KPI weights total 100: ready for a cycle.\n`);
    // No unit asked, none saved (the wizard offers %).
    expect(await kpi(WAREHOUSE, 'Pick rate')).toEqual([row({ name: 'Pick rate', unit: null, target: 98, threshold: 90, weight: 15 })]);
  });
});
