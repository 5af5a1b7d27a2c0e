/** eachTuple streams every row, in order and typed as by all(), however many (on PostgreSQL through a cursor, 1,000 rows a fetch). */
import { expect, it } from 'vitest';
import { describeEngines } from '../../engines.js';

describeEngines('eachTuple', (fresh) => {
  it('streams 2,500 rows in order, with numbers as numbers, the same as all() returns', async () => {
    const db = await fresh();
    const sql = `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?) select i, i * 2 as twice, 'r' || i as label, count(*) over () as total from n order by i`;
    const streamed: unknown[][] = [];
    await db.eachTuple(sql, [2500], (row) => streamed.push(row));
    expect(streamed).toHaveLength(2500);
    expect(streamed[0]).toEqual([1, 2, 'r1', 2500]);
    expect(streamed[2499]).toEqual([2500, 5000, 'r2500', 2500]);
    expect(streamed.map((r) => r[0])).toEqual(Array.from({ length: 2500 }, (_, k) => k + 1));
    expect(streamed).toEqual((await db.all<Record<string, unknown>>(sql, [2500])).map((r) => Object.values(r)));
  });

  it('a failing query rejects, and the connection still works', async () => {
    const db = await fresh();
    await expect(db.eachTuple('select * from no_such_table', [], () => {})).rejects.toThrow();
    expect(await db.get<{ n: number }>('select count(*) as n from goals')).toEqual({ n: 0 });
  });
});
