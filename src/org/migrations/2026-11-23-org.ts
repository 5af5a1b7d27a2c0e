import type { Migration } from '../../db/migrations.js';

// SQLite types: `integer primary key` is the rowid. A PostgreSQL migration set
// would say `integer generated always as identity` and use citext (or a
// unique index on lower()) where this says `collate nocase`, so that "li.na"
// and "LI.NA" are one handle and "Logistics" and "logistics" one department.
export const m20261123Org: Migration = {
  name: '2026-11-23-org',
  sqlite: [
    `create table settings (
       key text primary key,
       value text not null)`,
    `create table departments (
       id integer primary key,
       name text not null unique collate nocase,
       preset_key text unique,
       description text,
       created_at text not null)`,
    `create table roles (
       id integer primary key,
       name text not null unique collate nocase,
       preset_key text unique,
       department_id integer references departments(id),
       reports_to_role_id integer references roles(id),
       description text,
       workflow text,
       created_at text not null)`,
    `create index roles_department on roles(department_id)`,
    `create index roles_reports_to on roles(reports_to_role_id)`,
    `create table role_duties (
       id integer primary key,
       role_id integer not null references roles(id) on delete cascade,
       position integer not null,
       text text not null,
       unique (role_id, position))`,
    `create table members (
       id integer primary key,
       handle text not null unique collate nocase,
       name text not null,
       role_id integer references roles(id),
       department_id integer references departments(id),
       manager_id integer references members(id),
       hire_date text,
       contact text,
       shift text,
       status text not null default 'active',
       archived_at text,
       created_at text not null,
       updated_at text not null)`,
    `create index members_role on members(role_id)`,
    `create index members_department on members(department_id)`,
    `create index members_manager on members(manager_id)`,
    `create index members_archived_handle on members(archived_at, handle)`,
    `create index members_name on members(name)`,
  ],
};
