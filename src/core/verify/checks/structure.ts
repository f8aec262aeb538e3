import type { Baseline } from '../../baseline';
import { headerText, normaliseHeader, resolveColumn, resolveColumns, type ColumnMap } from '../../column-map';
import { translator, type Translate } from '../../messages';
import type { MigrationSpec } from '../../migrations/migration-spec';
import { checkedColumns, type RuledColumn } from '../rules';
import { addToSample, emptySample } from '../sample';
import type { Layout, LocatedColumn, StructureChecks } from '../types';

/** Longest lists a structure check carries (they stay in the cursor across executions). */
const MAX_NAMES = 20;

export interface SheetExtent {
  lastRow: number;
  lastColumn: number;
}

export function layoutOf(
  extent: SheetExtent,
  baseline: Baseline,
  spec: MigrationSpec,
  map: ColumnMap,
  filledThrough?: number,
): Layout {
  const width = Math.max(extent.lastColumn, baseline.v21_columns, 1);
  const { counter, pair, valued } = checkedColumns(spec);
  const located = (column: RuledColumn): LocatedColumn => ({
    header: column.header,
    rule: column.rule,
    column: resolveColumn(map, column.header),
  });
  return {
    last_row: extent.lastRow,
    last_column: extent.lastColumn,
    data_rows: Math.max(0, extent.lastRow - spec.headerRow),
    width,
    v21_width: Math.min(baseline.v21_columns, width),
    counter: counter ? { ...located(counter), start: counter.start } : null,
    pair: pair ? [located(pair[0]), located(pair[1])] : null,
    valued: valued.map((column) => ({ ...located(column), fill: column.fill })),
    key_column: resolveColumn(map, spec.keyColumn.header),
    ...(filledThrough !== undefined ? { filled_through: filledThrough } : {}),
  };
}

/** column_count, new_headers and column_mapping: everything the header row alone can tell. */
export function structureChecks(
  header: unknown[],
  extent: SheetExtent,
  baseline: Baseline,
  spec: MigrationSpec,
  map: ColumnMap,
  t: Translate = translator('en'),
): StructureChecks {
  const texts = header.map(headerText);
  const expectedCount = baseline.v21_columns + spec.newColumns.length;
  const expectedHeaders = spec.newColumns.map((column) => column.header);
  const positions = expectedHeaders.map((_, i) => baseline.v21_columns + 1 + i);
  const found = positions.map((column) => texts[column - 1] ?? '');
  const headerProblems: string[] = [];
  expectedHeaders.forEach((name, i) => {
    if (found[i] !== name) {
      headerProblems.push(t('check_header_holds', { column: positions[i], header: name, found: found[i] }));
    }
    const occurrences = resolveColumns(map, name).length;
    if (occurrences !== 1) headerProblems.push(t('check_header_count', { header: name, count: occurrences }));
  });

  const headerDifferences = emptySample<{ row: number; header: string; backup: string; current: string }>();
  baseline.v21_headers.forEach((recorded, i) => {
    const current = texts[i] ?? '';
    if (current !== recorded) {
      addToSample(headerDifferences, { row: spec.headerRow, header: recorded, backup: recorded, current });
    }
  });

  return {
    column_count: {
      expected: expectedCount,
      actual: extent.lastColumn,
      passed: extent.lastColumn === expectedCount,
      v21_columns: baseline.v21_columns,
      added: spec.newColumns.length,
    },
    new_headers: {
      expected: expectedHeaders,
      found,
      positions,
      passed: headerProblems.length === 0,
      problems: headerProblems.slice(0, MAX_NAMES),
    },
    column_mapping: mappingCheck(baseline, spec, map),
    header_differences: headerDifferences,
  };
}

function mappingCheck(
  baseline: Baseline,
  spec: MigrationSpec,
  map: ColumnMap,
): StructureChecks['column_mapping'] {
  const unresolved: string[] = [];
  const misplaced: { header: string; expected: number; actual: number[] }[] = [];
  const wanted = [
    ...baseline.v21_headers.map((header, i) => ({ header, column: i + 1 })),
    ...spec.newColumns.map((column, i) => ({ header: column.header, column: baseline.v21_columns + 1 + i })),
  ];
  for (const { header, column } of wanted) {
    if (header.trim() === '') {
      // An empty column without a header (the plan allows it): its header cell must still be blank.
      if ((map.headers[column - 1] ?? '').trim() !== '')
        misplaced.push({ header, expected: column, actual: [] });
      continue;
    }
    const columns = resolveColumns(map, header);
    if (columns.length === 0) unresolved.push(header);
    else if (columns.length !== 1 || columns[0] !== column)
      misplaced.push({ header, expected: column, actual: columns });
  }
  const keyColumns = resolveColumns(map, spec.keyColumn.header);
  const keyColumn = keyColumns.length === 1 ? keyColumns[0] : null;
  const keyFoundAs = keyColumn === null ? null : map.headers[keyColumn - 1];
  const keyOk = keyColumn !== null && keyColumn <= baseline.v21_columns;
  return {
    passed: unresolved.length === 0 && misplaced.length === 0 && keyOk,
    expected: wanted.length,
    actual: wanted.length - unresolved.length - misplaced.length,
    unresolved: unresolved.slice(0, MAX_NAMES),
    misplaced: misplaced.slice(0, MAX_NAMES),
    duplicates: map.duplicates.slice(0, MAX_NAMES).map((d) => ({ headers: d.headers, columns: d.columns })),
    key_column: {
      header: spec.keyColumn.header,
      column: keyColumn,
      found_as: keyFoundAs,
      via_alias:
        keyFoundAs !== null && normaliseHeader(keyFoundAs) !== normaliseHeader(spec.keyColumn.header),
    },
  };
}
