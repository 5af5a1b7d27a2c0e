/**
 * The PostgreSQL project's set-up: a throwaway database for this run on the
 * server TEAM_TEST_PG names (a role that may create databases), with citext
 * installed once, dropped afterwards. Every test database is then a schema of
 * it (`?schema=`, see tests/helpers.ts tempDb), made by the first connection.
 */
import type { TestProject } from 'vitest/node';
import pg from 'pg';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const admin = process.env.TEAM_TEST_PG!;
  const name = `team_test_${process.pid}_${Date.now()}`;
  const run = async (url: string, sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(admin, `create database ${name} template template0 encoding 'UTF8'`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  await run(u.toString(), 'create extension if not exists citext');
  project.provide('pgUrl', u.toString());
  return async () => {
    // WITH (FORCE) refuses (42501) while an autovacuum worker is in the database, for a role that is not a
    // superuser: the worker is not ours to end. It leaves in a moment; try again, then leave the database be.
    for (let attempt = 1; ; attempt++) {
      try {
        await run(admin, `drop database if exists ${name} with (force)`);
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== '42501' || attempt === 10) {
          process.stderr.write(`pg-setup: could not drop ${name}: ${(e as Error).message}\n`);
          return;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}
