import { ServiceError } from '../errors';
import { register } from '../handles';
import type { MetadataLocation, MetadataRecord } from '../model/spreadsheet-data';
import { service } from '../service';
import { vmAlloc, assertEditable, type SheetContext } from './context';

// Developer metadata at spreadsheet, sheet and column level.
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
// https://developers.google.com/sheets/api/guides/metadata

type Ctx = Omit<SheetContext, 'sheet'> & { sheet?: SheetContext['sheet'] };

function text(v: unknown, what: string): string {
  if (typeof v !== 'string')
    throw new ServiceError(`The parameters (${typeof v}) don't match the method signature for ${what}.`);
  return v;
}

export function addMetadata(
  ctx: Ctx,
  location: MetadataLocation,
  key: unknown,
  value?: unknown,
  visibility?: unknown,
): void {
  assertEditable(ctx.ss);
  const k = text(key, 'addDeveloperMetadata');
  const v = value === undefined || value === null ? null : text(value, 'addDeveloperMetadata');
  const vis = visibility === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
  ctx.exec.charge(ctx.exec.costs.metadataMs);
  ctx.ss.metadata.push({ id: ctx.exec.world.ids.number(), key: k, value: v, visibility: vis, location });
}

function locationHandle(ctx: Ctx, record: MetadataRecord): object {
  const { exec, ss } = ctx;
  const loc = record.location;
  const sheetData = 'sheetId' in loc ? ss.sheetById(loc.sheetId) : undefined;
  return service(exec, 'DeveloperMetadataLocation', {
    getLocationType: () => loc.type,
    getSpreadsheet: () => handles.spreadsheet(exec, ss),
    getSheet: () => (sheetData ? handles.sheet({ exec, ss, sheet: sheetData }) : null),
    getColumn: () => {
      if (loc.type !== 'COLUMN' || !sheetData) return null;
      return handles.range(
        { exec, ss, sheet: sheetData },
        { row: 1, column: loc.column, numRows: sheetData.maxRows, numColumns: 1 },
      );
    },
    getRow: () => null,
  });
}

export function metadataHandle(ctx: Ctx, record: MetadataRecord): object {
  const { exec, ss } = ctx;
  const change = () => {
    assertEditable(ss);
    exec.charge(exec.costs.metadataMs);
  };
  const impl = {
    getId: () => record.id,
    getKey: () => record.key,
    getValue: () => record.value,
    getVisibility: () => record.visibility,
    getLocation: () => locationHandle(ctx, record),
    setKey(k: unknown) {
      change();
      record.key = text(k, 'DeveloperMetadata.setKey');
      return proxy;
    },
    setValue(v: unknown) {
      change();
      record.value = v === null ? null : text(v, 'DeveloperMetadata.setValue');
      return proxy;
    },
    setVisibility(v: unknown) {
      change();
      record.visibility = v === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
      return proxy;
    },
    remove() {
      change();
      ss.metadata = ss.metadata.filter((m) => m !== record);
    },
  };
  const proxy: object = register(service(exec, 'DeveloperMetadata', impl), 'DeveloperMetadata', record);
  return proxy;
}

export function metadataHandles(ctx: Ctx, records: MetadataRecord[]): object[] {
  const out = vmAlloc(ctx.exec)<object>(records.length);
  records.forEach((r, i) => (out[i] = metadataHandle(ctx, r)));
  return out;
}

export function metadataFinder(ctx: Ctx, scope: (m: MetadataRecord) => boolean): object {
  const filters: ((m: MetadataRecord) => boolean)[] = [scope];
  const impl = {
    withKey(k: unknown) {
      filters.push((m) => m.key === k);
      return proxy;
    },
    withValue(v: unknown) {
      filters.push((m) => m.value === v);
      return proxy;
    },
    withId(id: unknown) {
      filters.push((m) => m.id === id);
      return proxy;
    },
    withLocationType(t: unknown) {
      filters.push((m) => m.location.type === String(t));
      return proxy;
    },
    withVisibility(v: unknown) {
      filters.push((m) => m.visibility === String(v));
      return proxy;
    },
    find() {
      ctx.exec.charge(ctx.exec.costs.metadataMs);
      return metadataHandles(
        ctx,
        ctx.ss.metadata.filter((m) => filters.every((f) => f(m))),
      );
    },
  };
  const proxy: object = service(ctx.exec, 'DeveloperMetadataFinder', impl);
  return proxy;
}

/** Filled in by spreadsheet.ts/sheet.ts/range.ts so locations can hand back handles. */
export const handles: {
  spreadsheet: (exec: SheetContext['exec'], ss: SheetContext['ss']) => object;
  sheet: (ctx: SheetContext) => object;
  range: (
    ctx: SheetContext,
    area: { row: number; column: number; numRows: number; numColumns: number },
  ) => object;
} = {
  spreadsheet: () => {
    throw new Error('not wired');
  },
  sheet: () => {
    throw new Error('not wired');
  },
  range: () => {
    throw new Error('not wired');
  },
};
