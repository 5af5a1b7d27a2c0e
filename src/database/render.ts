/** Pure renderers of `team db`: the facts of a database and the tables of a copy or backup. */
import type { Column } from '../cli/output.js';
import { renderFields, renderTable } from '../cli/table.js';
import { t } from '../i18n/index.js';
import { formatDecimal } from '../shared/numbers.js';
import type { TableCheck } from './copy.service.js';
import type { DatabaseInfo, TableCount } from './info.service.js';

/** How many hex digits of a checksum a person sees (the JSON has all 64). */
const CHECKSUM_SHOWN = 16;

const countColumns: Column<TableCount>[] = [
  { header: 'database.col.table', value: (r) => r.table },
  { header: 'database.col.rows', value: (r) => r.rows, align: 'right' },
];
const checkColumns: Column<TableCheck>[] = [...(countColumns as Column<TableCheck>[]), { header: 'database.col.checksum', value: (r) => r.checksum.slice(0, CHECKSUM_SHOWN) }];

/** Bytes as typed by a person: 1234567 → "1,234,567". */
const bytes = (n: number) => formatDecimal(n, 0);

function sizeText(info: DatabaseInfo): string | null {
  if (info.fileBytes === null) return null;
  if (!info.walBytes) return t('database.info.size', { bytes: bytes(info.fileBytes) });
  return t('database.info.sizeWal', { bytes: bytes(info.fileBytes), wal: bytes(info.walBytes) });
}

/** `db info` for people: the facts, then the row count of every table. */
export async function renderInfo(info: DatabaseInfo, width: number | undefined): Promise<string> {
  const fields = renderFields(
    [
      ['database.field.engine', info.engine],
      ['database.field.location', info.location],
      ['database.field.schemaVersion', info.schemaVersion],
      info.engine === 'sqlite' ? ['database.field.fileSize', sizeText(info)] : ['database.field.serverVersion', info.serverVersion],
    ],
    { width },
  );
  return `${fields}\n${await renderTable(info.tables, countColumns, { width })}`;
}

/** The tables of a copy: rows and the start of each checksum. */
export function renderChecks(tables: readonly TableCheck[], width: number | undefined): Promise<string> {
  return renderTable(tables, checkColumns, { width });
}

/** The tables of a backup: rows. */
export function renderCounts(tables: readonly TableCount[], width: number | undefined): Promise<string> {
  return renderTable(tables, countColumns, { width });
}

/** Rows in all tables but the migration records (team data, as a person counts it). */
export function dataRows(tables: readonly TableCount[]): number {
  return tables.filter((r) => r.table !== 'schema_migrations').reduce((n, r) => n + r.rows, 0);
}
