// previewMigration({target}): the plan of the next pending migration, what it changes on every sheet, and a
// short plan of each later one up to the target. Reads only.
import { languageFor, messagesFor, translator, type Translate } from '../messages';
import { describedIn } from '../migrations/description';
import { SCHEMA_VERSION_KEY } from '../state/keys';
import type { EditFreezePlan, LaterPlan, Plan, PreviewOptions, SheetChangePlan } from '../contract';
import { migrations } from '../migrations/registry';
import { sheetSpec } from '../migrations/sheet-spec';
import type { AddedColumn, Migration } from '../migrations/types';
import type { Services, SessionPort } from '../ports';
import { indexOf, likelyNext, readingOf, targetMigration } from './chain';
import { readConfig } from '../state/config';
import { planFromFacts, readPlanFacts, targetSpreadsheet, type PlanFacts } from './plan';
import { unknownSheetReason } from './run-begin';
import { plain } from './status';
import { groupDigits } from '../messages/numbers';
import { CELL_LIMIT } from './types';
import { freezeEstimate } from './freeze';

export function validatePreviewOptions(options: unknown, t: Translate = translator('en')): PreviewOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) throw new Error(t('preview_options_shape'));
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'target') throw new Error(t('preview_option_unknown', { key }));
    if (typeof value !== 'string') {
      throw new Error(t('option_target', { name: 'previewMigration', got: String(JSON.stringify(value)) }));
    }
  }
  return options as PreviewOptions;
}

/** How a computed column is filled, in words. */
export function describeFill(column: AddedColumn, t: Translate = translator('en')): string | undefined {
  const fill = column.fill;
  if (fill.kind !== 'computed') return undefined;
  const names = { sheet: fill.from_sheet, key: fill.key, where: fill.where ?? '', column: fill.column ?? '' };
  if (fill.aggregate === 'count') return t('fill_count', names);
  if (fill.aggregate === 'count_not_empty') return t('fill_count_not_empty', names);
  return t('fill_sum', names);
}

interface SheetWidth {
  name: string;
  columns: number;
  maxRows: number;
}

/** A migration's changes on sheets of these widths (what the earlier migrations leave). */
function changesOn(
  migration: Migration,
  widths: Map<string, SheetWidth>,
  targetSheet: string,
  t: Translate,
): SheetChangePlan[] {
  return migration.sheets.map((change, i) => {
    const name = i === 0 ? targetSheet : change.sheet;
    const width = widths.get(name);
    const plan: SheetChangePlan = {
      sheet: name,
      add_columns: (change.add_columns ?? []).map((column, j) => {
        const computed = describeFill(column, t);
        return {
          header: column.header,
          position: (width?.columns ?? 0) + 1 + j,
          fill:
            column.fill.kind === 'constant' ? column.fill.value : column.fill.kind === 'computed' ? 0 : '',
          ...(computed ? { computed } : {}),
        };
      }),
    };
    if (change.ensure && !width) {
      plan.creates = true;
      plan.headers = change.ensure.headers.slice();
    }
    return plan;
  });
}

/** Applies changes to the widths: columns added, created sheets (with a default grid of 1000 rows). */
function applyChanges(
  changes: SheetChangePlan[],
  widths: Map<string, SheetWidth>,
  migration: Migration,
): number {
  changes.forEach((change, i) => {
    const width = widths.get(change.sheet) ?? { name: change.sheet, columns: 0, maxRows: 1000 };
    const ensured = migration.sheets[i].ensure?.headers.length ?? 0;
    width.columns =
      Math.max(width.columns, change.creates ? ensured : width.columns) + change.add_columns.length;
    widths.set(change.sheet, width);
  });
  return [...widths.values()].reduce((sum, sheet) => sum + sheet.maxRows * Math.max(sheet.columns, 1), 0);
}

function laterPlans(
  later: Migration[],
  facts: PlanFacts,
  plan: Plan,
  first: SheetChangePlan[],
  firstMigration: Migration,
  session: SessionPort,
): LaterPlan[] {
  const t = messagesFor(session);
  const widths = new Map<string, SheetWidth>(
    facts.grids.map((grid) => [
      grid.name,
      { name: grid.name, columns: grid.maxColumns, maxRows: grid.maxRows },
    ]),
  );
  const target = widths.get(facts.sheet_name);
  if (target) target.columns = Math.max(facts.last_column, 0);
  applyChanges(first, widths, firstMigration);
  // grids keep their empty columns: count what the first migration leaves from its own figure
  let cells = plan.cells_after;
  return later.map((migration) => {
    const changes = changesOn(migration, widths, facts.sheet_name, t);
    const added = changes.reduce(
      (sum, change) =>
        sum +
        change.add_columns.length * (widths.get(change.sheet)?.maxRows ?? 1000) +
        (change.creates ? 1000 * (change.headers?.length ?? 0) : 0),
      0,
    );
    applyChanges(changes, widths, migration);
    cells += added;
    const blocking =
      cells > CELL_LIMIT
        ? [
            t('plan_later_cell_limit', {
              migration: migration.id,
              cells: groupDigits(cells, t),
              limit: groupDigits(CELL_LIMIT, t),
            }),
          ]
        : [];
    return {
      migration: migration.id,
      from: migration.from,
      description: describedIn(migration, languageFor(session)),
      changes,
      cells_after: cells,
      blocking,
    };
  });
}

/** The dry run: reads only (no cell, file, property, cache entry or trigger is written). */
export function previewChain(services: Services, options?: unknown): Plan {
  const { target } = validatePreviewOptions(options, messagesFor(services.session));
  const goal = targetMigration(target, messagesFor(services.session));
  const all = services.properties.getAll();
  const config = readConfig(all);
  const spreadsheet = targetSpreadsheet(services);
  const chain = migrations();
  let migration = likelyNext(all);
  let facts = readPlanFacts(services, spreadsheet, sheetSpec(migration), config);
  const reading = readingOf(facts, migration, () => spreadsheet.metadata(SCHEMA_VERSION_KEY));
  const next = reading.pending[0] ?? null;
  const nextAt = next ? indexOf(next.id) : chain.length;
  if (goal && indexOf(goal.id) < nextAt - 1) {
    throw new Error(
      messagesFor(services.session)('target_below_schema', { target: goal.id, current: reading.current }),
    );
  }
  // nothing pending up to the goal: the plan of the migration already in place says so (nothing to migrate)
  const shown = next && (!goal || indexOf(goal.id) >= nextAt) ? next : chain[Math.max(0, nextAt - 1)];
  if (reading.current !== 'unknown' && shown.id !== migration.id) {
    migration = shown;
    facts = readPlanFacts(services, spreadsheet, sheetSpec(migration), config);
  }
  const planned = planFromFacts(
    facts,
    sheetSpec(migration),
    config,
    services.clock.now(),
    messagesFor(services.session),
  );
  const plan = planned.plan;
  if (config.edit_freeze && shown === next && plan.blocking.length === 0) {
    plan.edit_freeze = freezePlan(
      freezeEstimate(planned.run, config.time_budget_seconds),
      messagesFor(services.session),
    );
    plan.warnings.push(plan.edit_freeze.message);
  }
  if (reading.current === 'unknown' && plan.blocking.length === 0) {
    plan.blocking.push(unknownSheetReason(facts.sheet_name, messagesFor(services.session)));
  }
  const widths = new Map<string, SheetWidth>(
    facts.grids.map((grid) => [
      grid.name,
      { name: grid.name, columns: grid.maxColumns, maxRows: grid.maxRows },
    ]),
  );
  const own = widths.get(facts.sheet_name);
  if (own) own.columns = facts.last_column;
  const t = messagesFor(services.session);
  const changes = changesOn(migration, widths, facts.sheet_name, t);
  // the target sheet's positions are the plan's (a partly migrated sheet gets only the missing columns)
  changes[0].add_columns = plan.columns_to_add.map((column) => {
    const spec = migration.sheets[0].add_columns?.find((candidate) => candidate.header === column.header);
    const computed = spec ? describeFill(spec, t) : undefined;
    return { ...column, ...(computed ? { computed } : {}) };
  });
  plan.changes = [changes[0], ...(plan.changes ?? changes.slice(1))];
  const upTo = goal && shown === next ? indexOf(goal.id) : indexOf(migration.id);
  plan.then =
    plan.blocking.length > 0 && shown !== next
      ? []
      : laterPlans(
          chain.slice(indexOf(migration.id) + 1, upTo + 1),
          facts,
          plan,
          changes,
          migration,
          services.session,
        );
  return plain(plan);
}

function freezePlan(estimate: ReturnType<typeof freezeEstimate>, t: Translate): EditFreezePlan {
  const closed =
    estimate.hours_if_panel_closed > 0
      ? t('plan_edit_freeze_closed', { hours: estimate.hours_if_panel_closed })
      : '';
  return {
    ...estimate,
    message: t('plan_edit_freeze', {
      sheets: estimate.sheets.join(', '),
      minutes: estimate.minutes,
      closed,
    }),
  };
}
