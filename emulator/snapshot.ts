import { isDate } from './realm';
import type { WorldState } from './state';

// A JSON-comparable description of the world, for comparing a world after injected failures with a
// clean run's. `times: false` leaves out what depends on the clock (trigger due times, file dates).

export interface SnapshotOptions {
  times?: boolean;
}

const cell = (v: unknown) => (v === undefined ? '' : isDate(v) ? { date: v.toISOString() } : v);
const sortedObject = (m: Map<string, string>) =>
  Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));

export function snapshotOf(world: WorldState, options: SnapshotOptions = {}) {
  const times = options.times !== false;
  const spreadsheets = [...world.spreadsheets.values()].map((ss) => ({
    id: ss.id,
    name: ss.name,
    timeZone: ss.timeZone,
    sheets: ss.sheets.map((s) => ({
      name: s.name,
      sheetId: s.sheetId,
      maxRows: s.maxRows,
      maxColumns: s.maxColumns,
      frozenRows: s.frozenRows,
      hidden: s.hidden,
      values: s.grid.read(0, 0, s.grid.lastRow(), s.grid.lastColumn(), cell),
      formulas: s.grid.formulaCells().map(([r, c, f]) => ({ row: r + 1, column: c + 1, formula: f })),
    })),
    metadata: ss.metadata.map((m) => ({
      key: m.key,
      value: m.value,
      visibility: m.visibility,
      location: { ...m.location },
    })),
  }));
  const drive = [...world.drive.items.values()].map((i) => ({
    id: i.id,
    name: i.name,
    kind: i.kind,
    mimeType: i.mimeType,
    parents: [...i.parents],
    trashed: i.trashed,
    content: i.content ?? null,
    ...(times ? { createdAt: new Date(i.createdAt).toISOString() } : {}),
  }));
  const documents = Object.fromEntries(
    [...world.properties.documents.entries()]
      .filter(([, m]) => m.size > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, m]) => [id, sortedObject(m)]),
  );
  return {
    spreadsheets,
    drive,
    properties: {
      script: sortedObject(world.properties.script),
      user: sortedObject(world.properties.user),
      documents,
    },
    triggers: world.triggers.map((t) => ({
      handler: t.handler,
      type: t.type,
      everyMs: t.everyMs,
      spreadsheetId: t.spreadsheetId,
      ...(times
        ? { id: t.id, nextRunAt: t.nextRunAt === null ? null : new Date(t.nextRunAt).toISOString() }
        : {}),
    })),
  };
}
