import { COLUMN_MAP_CACHE_INDEX } from '../../src/core/state/keys';
import { V21_HEADERS } from '../../rehearse/zeues-schema';
import {
  buildColumnMap,
  columnLetter,
  normaliseHeader,
  requireColumn,
  resolveColumn,
  resolveColumns,
} from '../../src/core/column-map';
import { cachedColumnMap, clearColumnMapCache, columnMapCacheKey } from '../../src/core/column-map-cache';
import { V3_MIGRATION } from '../support/specs';
import { MemoryCache } from '../support/memory-cache';

const V21: string[] = [...V21_HEADERS];

describe('normaliseHeader', () => {
  it.each([
    ['TAG_SPOOL', 'tag_spool'],
    ['tag spool', 'tag_spool'],
    ['  Tag__Spool  ', 'tag_spool'],
    ['Ubicación', 'ubicacion'],
    ['UBICACION', 'ubicacion'],
    ['Fecha_QC_Metrología', 'fecha_qc_metrologia'],
    ['PLANO_KRONOS N°', 'plano_kronos_n'],
    ['PLANO KRONOS Nº', 'plano_kronos_n'],
    ['Rev.', 'rev'],
    ['OK NDT si/no/Rep', 'ok_ndt_si_no_rep'],
    ['N°_Informe_UT_ RX', 'n_informe_ut_rx'],
    ['Precio Fabricación', 'precio_fabricacion'],
    ['Año', 'ano'],
    ['', ''],
    ['  ', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normaliseHeader(input)).toBe(expected);
  });

  it('turns non-text header cells into text', () => {
    expect(normaliseHeader(2026)).toBe('2026');
    expect(normaliseHeader(null)).toBe('');
  });

  it('keeps every ZEUES v2.1 header distinct from the others', () => {
    const keys = V21.map(normaliseHeader);
    expect(new Set(keys).size).toBe(V21.length);
    expect(keys.every((key) => key.length > 0)).toBe(true);
  });
});

describe('buildColumnMap', () => {
  const migrated = [...V21, 'Ocupado_Por', 'Fecha_Ocupacion', 'version'];

  it('resolves every v2.1 and v3.0 header of the ZEUES sheet to its own column', () => {
    const map = buildColumnMap(migrated, V3_MIGRATION);
    migrated.forEach((header, i) => expect(resolveColumn(map, header)).toBe(i + 1));
    expect(map.duplicates).toEqual([]);
    expect(map.new_headers_present).toEqual([
      { header: 'Ocupado_Por', columns: [V21.length + 1] },
      { header: 'Fecha_Ocupacion', columns: [V21.length + 2] },
      { header: 'version', columns: [V21.length + 3] },
    ]);
  });

  it('finds drifted headers: accents, case, spaces for underscores', () => {
    const drifted = V21.map((h) =>
      h === 'Ubicación' ? 'UBICACION' : h === 'Tipo Armado' ? 'tipo_armado' : h === 'Rev.' ? 'REV' : h,
    );
    const map = buildColumnMap(drifted, V3_MIGRATION);
    expect(resolveColumn(map, 'Ubicación')).toBe(V21.indexOf('Ubicación') + 1);
    expect(resolveColumn(map, 'Tipo Armado')).toBe(V21.indexOf('Tipo Armado') + 1);
    expect(resolveColumn(map, 'Rev.')).toBe(V21.indexOf('Rev.') + 1);
    expect(map.new_headers_present).toEqual([]);
  });

  it('resolves the key column through its alias in both directions', () => {
    const withTag = V21.map((h) => (h === 'TAG_SPOOL' ? 'TAG' : h));
    const map = buildColumnMap(withTag, V3_MIGRATION);
    expect(resolveColumn(map, 'TAG_SPOOL')).toBe(7);
    expect(resolveColumn(map, 'tag spool')).toBe(7);
    const canonical = buildColumnMap(V21, V3_MIGRATION);
    expect(resolveColumn(canonical, 'TAG')).toBe(7);
  });

  it('prefers an exact header over an alias when the sheet has both', () => {
    const map = buildColumnMap(['TAG', 'NV', 'TAG_SPOOL'], V3_MIGRATION);
    expect(resolveColumn(map, 'TAG_SPOOL')).toBe(3);
    expect(resolveColumn(map, 'TAG')).toBe(1);
  });

  it('has no aliases without a spec', () => {
    const map = buildColumnMap(['TAG', 'NV']);
    expect(resolveColumn(map, 'TAG_SPOOL')).toBeNull();
    expect(map.alias_groups).toEqual([]);
  });

  it('lists duplicate normalised headers and refuses to pick one of them', () => {
    const map = buildColumnMap(
      ['TAG_SPOOL', 'Ubicación', 'NV', 'ubicacion ', 'version', 'Version'],
      V3_MIGRATION,
    );
    expect(map.duplicates).toEqual([
      { normalised: 'ubicacion', headers: ['Ubicación', 'ubicacion '], columns: [2, 4] },
      { normalised: 'version', headers: ['version', 'Version'], columns: [5, 6] },
    ]);
    expect(resolveColumns(map, 'Ubicación')).toEqual([2, 4]);
    expect(resolveColumn(map, 'Ubicación')).toBeNull();
    expect(map.new_headers_present).toEqual([{ header: 'version', columns: [5, 6] }]);
    expect(() => requireColumn(map, 'ubicación', 'Operaciones')).toThrow(
      /"ubicación" appears 2 times in Operaciones \(columns 2, 4\)/,
    );
  });

  it('records blank header cells and never resolves an empty name', () => {
    const map = buildColumnMap(['TAG_SPOOL', '', 'NV', '  '], V3_MIGRATION);
    expect(map.blank_columns).toEqual([2, 4]);
    expect(resolveColumn(map, '')).toBeNull();
  });

  it('explains a missing header', () => {
    const map = buildColumnMap(['NV'], V3_MIGRATION);
    expect(() => requireColumn(map, 'TAG_SPOOL', 'Operaciones')).toThrow(
      'Header "TAG_SPOOL" was not found in row 1 of Operaciones. Restore the column (or its header text) and try again.',
    );
  });

  it('does not mistake inherited object keys for headers', () => {
    const map = buildColumnMap(['constructor'], V3_MIGRATION);
    expect(resolveColumn(map, 'constructor')).toBe(1);
    expect(resolveColumn(map, 'toString')).toBeNull();
    expect(resolveColumn(map, '__proto__')).toBeNull();
  });

  it('names columns with letters for messages', () => {
    expect([1, 26, 27, 52, 66, 18278].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BN', 'ZZZ']);
  });
});

describe('cached column maps', () => {
  it('builds once and then answers from the cache with one read', () => {
    const cache = new MemoryCache();
    const first = cachedColumnMap(cache, V21, V3_MIGRATION);
    const reads = cache.calls.get;
    const second = cachedColumnMap(cache, V21, V3_MIGRATION);
    expect(second).toEqual(first);
    expect(cache.calls.get - reads).toBe(1);
    expect(cache.entries.has(columnMapCacheKey(V21, V3_MIGRATION))).toBe(true);
  });

  it('never serves a map cached for another header row', () => {
    const cache = new MemoryCache();
    cachedColumnMap(cache, V21, V3_MIGRATION);
    const migrated = [...V21, 'Ocupado_Por', 'Fecha_Ocupacion', 'version'];
    const after = cachedColumnMap(cache, migrated, V3_MIGRATION);
    expect(resolveColumn(after, 'version')).toBe(V21.length + 3);
    const renamed = V21.map((h) => (h === 'Cliente' ? 'Customer' : h));
    expect(resolveColumn(cachedColumnMap(cache, renamed, V3_MIGRATION), 'Cliente')).toBeNull();
    expect(columnMapCacheKey(renamed, V3_MIGRATION)).not.toBe(columnMapCacheKey(V21, V3_MIGRATION));
  });

  it('keys on the spec too, since aliases change the answer', () => {
    expect(columnMapCacheKey(V21, V3_MIGRATION)).not.toBe(columnMapCacheKey(V21));
  });

  it('rebuilds when a cached entry is damaged or belongs to another row', () => {
    const cache = new MemoryCache();
    const key = columnMapCacheKey(V21, V3_MIGRATION);
    cache.entries.set(key, '{not json');
    expect(resolveColumn(cachedColumnMap(cache, V21, V3_MIGRATION), 'NV')).toBe(2);
    cache.entries.set(key, JSON.stringify(buildColumnMap(['NV', 'id'], V3_MIGRATION)));
    expect(resolveColumn(cachedColumnMap(cache, V21, V3_MIGRATION), 'NV')).toBe(2);
  });

  it('is emptied by clearColumnMapCache after an insert', () => {
    const cache = new MemoryCache();
    cachedColumnMap(cache, V21, V3_MIGRATION);
    cachedColumnMap(cache, ['TAG', 'NV'], V3_MIGRATION);
    expect(JSON.parse(cache.entries.get(COLUMN_MAP_CACHE_INDEX) as string)).toHaveLength(2);
    clearColumnMapCache(cache);
    expect(cache.entries.size).toBe(0);
  });

  it('skips caching a map too large for one cache value and still returns it', () => {
    const cache = new MemoryCache();
    const wide = Array.from({ length: 6000 }, (_, i) => `Column header number ${i}`);
    const map = cachedColumnMap(cache, wide, V3_MIGRATION);
    expect(resolveColumn(map, 'Column header number 5999')).toBe(6000);
    expect(cache.entries.size).toBe(0);
  });
});
