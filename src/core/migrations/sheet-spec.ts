// The per-sheet view the engine's steps, checks and rollback work with: one sheet of a migration, its key and
// the columns it adds, with fills as cell values.
import type { MigrationSpec, NewColumn } from '../spec/migration-spec';
import type { AddedColumn, Migration } from './types';

function cellFill(column: AddedColumn): NewColumn['fill'] {
  if (column.fill.kind === 'constant') return column.fill.value;
  return '';
}

/** The view of `migration`'s change at `index` (0: the target sheet, whose name the config may override). */
export function sheetSpec(migration: Migration, index = 0): MigrationSpec {
  const change = migration.sheets[index];
  const key = change.key ?? migration.sheets[0].key ?? { header: '', aliases: [] };
  return {
    id: migration.id,
    fromVersion: migration.from,
    defaultSheet: change.sheet,
    headerRow: migration.header_row,
    keyColumn: { header: key.header, aliases: key.aliases.slice() },
    newColumns: (change.add_columns ?? []).map((column) => ({
      header: column.header,
      fill: cellFill(column),
      ...(column.rule !== undefined ? { rule: column.rule } : {}),
      ...(column.paired_with !== undefined ? { pairedWith: column.paired_with } : {}),
    })),
  };
}
