import type { Queryable } from './sql.js';

export async function getSetting(q: Queryable, key: string): Promise<string | undefined> {
  return (await q.get<{ value: string }>('select value from settings where key = ?', [key]))?.value;
}

export async function setSetting(q: Queryable, key: string, value: string): Promise<void> {
  await q.run('insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value', [key, value]);
}
