// Checks the chain when the registry loads: a spec that could not run fails loudly, naming the spec and the fix.
import { normaliseHeader } from '../column-map';
import { BASE_SHEETS } from './base';
import type { BaseSchema, CheckKind, Migration, StepKind } from './types';

const STEP_KINDS: StepKind[] = [
  'backup',
  'ensure_sheets',
  'add_columns',
  'verify_schema',
  'fill_columns',
  'verify',
];
const CHECK_KINDS: CheckKind[] = [
  'column_count',
  'new_headers',
  'counter',
  'paired',
  'values',
  'data_intact',
  'column_mapping',
  'sheet_structure',
  'computed_values',
  'report',
];
/** Checks every migration has (CONTRACT.md, "The migration chain"). */
const REQUIRED_CHECKS: CheckKind[] = [
  'column_count',
  'new_headers',
  'data_intact',
  'column_mapping',
  'report',
];
const NAME = /^[a-z][a-z0-9_]*$/;

/** The schema a migration leaves: 'v3.0' -> '3.0'. */
export function versionOf(migration: Pick<Migration, 'id'>): string {
  return migration.id.replace(/^v/, '');
}

function duplicates(headers: string[]): string[] {
  const seen = new Map<string, string>();
  const found: string[] = [];
  for (const header of headers) {
    const key = normaliseHeader(header);
    if (seen.has(key)) found.push(`"${seen.get(key)}" and "${header}"`);
    else seen.set(key, header);
  }
  return found;
}

/** Every problem of one spec, given the headers each sheet has before it (what earlier specs leave). */
function problemsOf(spec: Migration, before: Map<string, string[]>): string[] {
  const problems: string[] = [];
  if (!/^v\d+(\.\d+)*$/.test(spec.id)) problems.push(`its id "${spec.id}" is not of the form v4.0`);
  if (!Number.isInteger(spec.header_row) || spec.header_row < 1) {
    problems.push(`header_row must be a row number (1 or more), got ${spec.header_row}`);
  }
  if (spec.sheets.length === 0) problems.push('it changes no sheet');
  for (const [language, text] of [['en', spec.description], ...Object.entries(spec.descriptions ?? {})]) {
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push(
        `its description${language === 'en' ? '' : ` in "${language}"`} is empty: say in a line what it changes`,
      );
    }
  }
  const first = spec.sheets[0];
  if (first && (!first.key || !first.add_columns || first.add_columns.length === 0)) {
    problems.push(`its first sheet ("${first.sheet}") must have a key column and columns to add`);
  }
  const names = spec.sheets.map((change) => change.sheet);
  for (const name of new Set(names)) {
    if (names.filter((other) => other === name).length > 1) problems.push(`sheet "${name}" is listed twice`);
  }
  // what each sheet will hold once this spec's ensured sheets exist
  const after = new Map(before);
  for (const change of spec.sheets) {
    if (change.ensure) {
      const dup = duplicates(change.ensure.headers);
      if (dup.length > 0)
        problems.push(`sheet "${change.sheet}" requires duplicate headers ${dup.join(', ')}`);
      after.set(change.sheet, [...(before.get(change.sheet) ?? []), ...change.ensure.headers]);
    }
  }
  for (const change of spec.sheets) {
    if (!after.has(change.sheet)) {
      problems.push(
        `sheet "${change.sheet}" is unknown: it is not a ZEUES sheet (${[...before.keys()].join(', ')}) and the spec ` +
          'does not create it (give it `ensure: {headers}`)',
      );
      continue;
    }
    if (!change.add_columns && !change.ensure) problems.push(`sheet "${change.sheet}" has nothing to change`);
    const added = (change.add_columns ?? []).map((column) => column.header);
    const dup = duplicates([...(before.get(change.sheet) ?? []), ...added]);
    if (dup.length > 0)
      problems.push(`sheet "${change.sheet}" would have duplicate headers ${dup.join(', ')}`);
    for (const column of change.add_columns ?? []) {
      const where = `column "${column.header}" of sheet "${change.sheet}"`;
      if (column.paired_with !== undefined && !added.includes(column.paired_with)) {
        problems.push(`${where} is paired with "${column.paired_with}", which this spec does not add there`);
      }
      const fill = column.fill;
      if (fill.kind !== 'computed') continue;
      if (!change.key) problems.push(`${where} is computed but sheet "${change.sheet}" has no key column`);
      const source = after.get(fill.from_sheet);
      if (!source) {
        problems.push(
          `${where} is computed from sheet "${fill.from_sheet}", which is unknown (ensure it first)`,
        );
        continue;
      }
      const known = new Set(source.map(normaliseHeader));
      const named = [fill.key, fill.column, fill.where].filter((name): name is string => name !== undefined);
      for (const name of named) {
        if (!known.has(normaliseHeader(name))) {
          problems.push(
            `${where} is computed from column "${name}", which sheet "${fill.from_sheet}" does not have`,
          );
        }
      }
      if (fill.aggregate === 'sum' && (!fill.column || !fill.where)) {
        problems.push(
          `${where} sums over "${fill.from_sheet}": it needs the column to add up and the \`where\` column`,
        );
      }
      if (fill.aggregate === 'count_not_empty' && !fill.where) {
        problems.push(`${where} counts non-empty cells: it needs the \`where\` column`);
      }
    }
  }
  problems.push(...stepProblems(spec), ...checkProblems(spec));
  return problems;
}

function stepProblems(spec: Migration): string[] {
  const problems: string[] = [];
  const kinds = spec.steps.map((step) => step.does);
  for (const step of spec.steps) {
    if (!NAME.test(step.name)) problems.push(`step name "${step.name}" must be lower_snake_case`);
    if (!STEP_KINDS.includes(step.does))
      problems.push(`step "${step.name}" does "${step.does}", which is unknown`);
  }
  const stepNames = spec.steps.map((step) => step.name);
  if (new Set(stepNames).size !== stepNames.length) problems.push('two steps have the same name');
  if (kinds[0] !== 'backup') problems.push('its first step must make the backup');
  if (kinds[kinds.length - 1] !== 'verify') problems.push('its last step must verify');
  for (const kind of STEP_KINDS) {
    if (kind === 'ensure_sheets') continue;
    if (kinds.filter((k) => k === kind).length !== 1) problems.push(`it needs exactly one "${kind}" step`);
  }
  const ensures = spec.sheets.some((change) => change.ensure);
  if (ensures !== kinds.includes('ensure_sheets')) {
    problems.push(
      ensures
        ? 'it ensures a sheet but has no "ensure_sheets" step'
        : 'it has an "ensure_sheets" step but ensures no sheet',
    );
  }
  return problems;
}

function checkProblems(spec: Migration): string[] {
  const problems: string[] = [];
  const kinds = spec.checks.map((check) => check.does);
  for (const check of spec.checks) {
    if (!NAME.test(check.name)) problems.push(`check name "${check.name}" must be lower_snake_case`);
    if (!CHECK_KINDS.includes(check.does))
      problems.push(`check "${check.name}" does "${check.does}", which is unknown`);
  }
  const checkNames = spec.checks.map((check) => check.name);
  if (new Set(checkNames).size !== checkNames.length) problems.push('two checks have the same name');
  if (new Set(kinds).size !== kinds.length) problems.push('two checks do the same thing');
  for (const kind of REQUIRED_CHECKS) if (!kinds.includes(kind)) problems.push(`it has no "${kind}" check`);
  if (kinds[kinds.length - 1] !== 'report') problems.push('its last check must be the report');
  const columns = spec.sheets.flatMap((change) => change.add_columns ?? []);
  const needs: [CheckKind, boolean][] = [
    ['counter', columns.some((column) => column.rule === 'counter')],
    ['paired', columns.some((column) => column.paired_with !== undefined)],
    ['computed_values', columns.some((column) => column.fill.kind === 'computed')],
    ['sheet_structure', spec.sheets.some((change) => change.ensure)],
    [
      'values',
      columns.some(
        (column) =>
          column.rule !== 'counter' && column.fill.kind !== 'computed' && !isPaired(spec, column.header),
      ),
    ],
  ];
  for (const [kind, needed] of needs) {
    if (needed && !kinds.includes(kind))
      problems.push(`it has columns a "${kind}" check must cover, and no such check`);
    if (!needed && kinds.includes(kind)) problems.push(`its "${kind}" check has no column to cover`);
  }
  return problems;
}

function isPaired(spec: Migration, header: string): boolean {
  const columns = spec.sheets.flatMap((change) => change.add_columns ?? []);
  return (
    columns.some((column) => column.header === header && column.paired_with !== undefined) ||
    columns.some((column) => column.paired_with === header)
  );
}

/**
 * Throws one Error listing every problem of every spec, each naming its spec: run when the registry loads, so
 * a broken spec never reaches a spreadsheet.
 */
export function validateChain(base: BaseSchema, chain: readonly Migration[]): void {
  const problems: string[] = [];
  const sheets = new Map<string, string[]>(BASE_SHEETS.map((name) => [name, [] as string[]]));
  sheets.set(
    base.sheet,
    base.signature.map((column) => column.header),
  );
  let version = base.version;
  const ids = new Set<string>();
  for (const spec of chain) {
    const own = problemsOf(spec, sheets).map((problem) => `${spec.id}: ${problem}`);
    if (ids.has(spec.id)) own.push(`${spec.id}: two migrations have this id`);
    if (spec.from !== version) {
      own.push(
        `${spec.id}: it starts from schema ${spec.from}, but the migration before it leaves ${version}`,
      );
    }
    ids.add(spec.id);
    problems.push(...own);
    for (const change of spec.sheets) {
      const headers = sheets.get(change.sheet) ?? [];
      sheets.set(change.sheet, [
        ...headers,
        ...(change.ensure?.headers ?? []),
        ...(change.add_columns ?? []).map((c) => c.header),
      ]);
    }
    version = versionOf(spec);
  }
  if (problems.length > 0) {
    throw new Error(
      `The migration chain has ${problems.length} problem(s); fix the spec files: ${problems.join('; ')}.`,
    );
  }
}
