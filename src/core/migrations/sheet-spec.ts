// The per-sheet view the engine's steps, checks and rollback work with: one sheet of a migration, its key and
// the columns it adds, with fills as cell values.
import type { ComputedFill, MigrationSpec, NewColumn, OtherSheetSpec } from './migration-spec';
import type { AddedColumn, Fill, Migration } from './types';
import { versionOf } from './validate';
import { migrationById } from './registry';
import { translator, type Translate } from '../messages';

function cellFill(column: AddedColumn): NewColumn['fill'] {
  if (column.fill.kind === 'constant') return column.fill.value;
  return column.fill.kind === 'computed' ? 0 : '';
}

function computedOf(fill: Extract<Fill, { kind: 'computed' }>): ComputedFill {
  return {
    from_sheet: fill.from_sheet,
    key: fill.key,
    aggregate: fill.aggregate,
    ...(fill.column !== undefined ? { column: fill.column } : {}),
    ...(fill.where !== undefined ? { where: fill.where } : {}),
  };
}

function otherSheet(migration: Migration, index: number): OtherSheetSpec {
  const change = migration.sheets[index];
  return {
    sheet: change.sheet,
    ensure: change.ensure ? change.ensure.headers.slice() : null,
    newColumns: sheetSpec(migration, index).newColumns,
    appendOnly: change.append_only === true,
  };
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
    toVersion: versionOf(migration),
    steps: migration.steps.map((step) => ({ ...step })),
    checks: migration.checks.map((check) => ({ ...check })),
    otherSheets: index === 0 ? migration.sheets.slice(1).map((other, i) => otherSheet(migration, i + 1)) : [],
    newColumns: (change.add_columns ?? []).map((column) => ({
      header: column.header,
      fill: cellFill(column),
      ...(column.rule !== undefined ? { rule: column.rule } : {}),
      ...(column.paired_with !== undefined ? { pairedWith: column.paired_with } : {}),
      ...(column.fill.kind === 'computed' ? { computed: computedOf(column.fill) } : {}),
    })),
  };
}

/** The target-sheet view of a migration by id; a migration this add-on does not know is refused by name. */
export function sheetSpecById(
  id: string,
  doing: 'work' | 'rollback' | 'verify' = 'work',
  t: Translate = translator('en'),
): MigrationSpec {
  const migration = migrationById(id);
  if (!migration) {
    throw new Error(t('migration_unknown', { id, doing: t(`migration_unknown_${doing}`) }));
  }
  return sheetSpec(migration);
}
