import { describe, expect, it } from 'vitest';
import { isPostgresUrl, redactUrl } from '../../../src/db/location.js';
import { toNumbered } from '../../../src/db/postgres.js';

describe('database locations', () => {
  it('a postgres:// or postgresql:// URL is a server, anything else a file', () => {
    expect(['postgres://h/db', 'postgresql://u@h:5432/db', 'POSTGRES://h/db'].map(isPostgresUrl)).toEqual([true, true, true]);
    expect(['team.db', '/tmp/postgres/team.db', './postgres:/x', 'mysql://h/db'].map(isPostgresUrl)).toEqual([false, false, false, false]);
  });

  it('a password is never printed; files and URLs without one are shown as they are', () => {
    expect(redactUrl('postgres://ana:s3cret@db.example:5432/team?sslmode=require')).toBe('postgres://ana:***@db.example:5432/team?sslmode=require');
    expect(redactUrl('postgresql://ana:p%40ss%3Aw@db/team')).toBe('postgresql://ana:***@db/team');
    expect(redactUrl('postgres://ana@db/team')).toBe('postgres://ana@db/team');
    expect(redactUrl('/home/lead/.local/share/team/team.db')).toBe('/home/lead/.local/share/team/team.db');
    // Not a URL the parser takes: the credentials go all the same.
    expect(redactUrl('postgres://ana:s3cret@[bad/team')).not.toContain('s3cret');
  });
});

describe('placeholders for PostgreSQL', () => {
  it('numbers each ? outside quoted strings and identifiers', () => {
    expect(toNumbered('select * from t where a = ? and b in (?, ?)')).toBe('select * from t where a = $1 and b in ($2, $3)');
    expect(toNumbered(`select '?' as q, "a?b" from t where c = ? and d = 'it''s ?'`)).toBe(`select '?' as q, "a?b" from t where c = $1 and d = 'it''s ?'`);
  });
});
