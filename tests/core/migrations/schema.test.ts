import { V21_HEADERS } from '../../../rehearse/zeues-schema';
import { readSchema, schemaFromHeaders, type HeaderReader } from '../../../src/core/migrations/schema';
import { migrationById } from '../../../src/core/migrations/registry';

const UNIONES = migrationById('v4.0')?.sheets[1].ensure?.headers ?? [];
const METADATA = [
  'id',
  'timestamp',
  'evento_tipo',
  'tag_spool',
  'worker_id',
  'worker_nombre',
  'operacion',
  'accion',
  'fecha_operacion',
  'metadata_json',
];
const V30 = ['Ocupado_Por', 'Fecha_Ocupacion', 'version'];
const V40 = [
  'Total_Uniones',
  'Uniones_ARM_Completadas',
  'Uniones_SOLD_Completadas',
  'Pulgadas_ARM',
  'Pulgadas_SOLD',
];

function reader(sheets: Record<string, string[]>): HeaderReader {
  return (name) => sheets[name] ?? null;
}

function detect(sheets: Record<string, string[]>) {
  const reading = schemaFromHeaders(reader(sheets), 'Operaciones');
  return {
    current: reading.current,
    pending: reading.pending.map((spec) => spec.id),
    partial: reading.partial,
  };
}

const v21 = V21_HEADERS.slice(0, 63);

describe('the current schema from the headers', () => {
  it('is the newest schema whose changes are all in place', () => {
    expect(detect({ Operaciones: v21, Metadata: METADATA })).toMatchObject({
      current: '2.1',
      pending: ['v3.0', 'v3.1', 'v4.0'],
    });
    expect(detect({ Operaciones: [...v21, ...V30], Metadata: METADATA })).toMatchObject({
      current: '3.0',
      pending: ['v3.1', 'v4.0'],
    });
    expect(detect({ Operaciones: [...v21, ...V30, 'Estado_Detalle'], Metadata: METADATA })).toMatchObject({
      current: '3.1',
    });
    expect(
      detect({
        Operaciones: [...v21, ...V30, 'Estado_Detalle', ...V40],
        Metadata: [...METADATA, 'N_UNION'],
        Uniones: UNIONES,
      }),
    ).toMatchObject({ current: '4.0', pending: [] });
  });

  it('a Uniones sheet made before v4.0 does not make it v4.0, nor partial', () => {
    expect(
      detect({ Operaciones: [...v21, ...V30, 'Estado_Detalle'], Metadata: METADATA, Uniones: UNIONES }),
    ).toMatchObject({
      current: '3.1',
      partial: null,
    });
  });

  it('is partial when a migration is only partly in place, naming what is there and what is not', () => {
    expect(detect({ Operaciones: [...v21, 'Ocupado_Por'], Metadata: METADATA })).toEqual({
      current: 'partial',
      pending: ['v3.0', 'v3.1', 'v4.0'],
      partial: {
        migration: 'v3.0',
        present: ['Operaciones!Ocupado_Por'],
        missing: ['Operaciones!Fecha_Ocupacion', 'Operaciones!version'],
      },
    });
    // v4.0's Operaciones columns in place, Metadata's not
    const partial = detect({
      Operaciones: [...v21, ...V30, 'Estado_Detalle', ...V40],
      Metadata: METADATA,
      Uniones: UNIONES,
    });
    expect(partial.current).toBe('partial');
    expect(partial.partial?.missing).toEqual(['Metadata!N_UNION']);
  });

  it('is unknown for a sheet without the v2.1 signature, such as TAG_SPOOL and two other columns', () => {
    expect(detect({ Operaciones: ['TAG_SPOOL', 'NV', 'OT'] })).toMatchObject({
      current: 'unknown',
      pending: [],
    });
    expect(detect({})).toMatchObject({ current: 'unknown' });
    // the key's alias counts, and header spellings drift
    const drifted = v21.map((h) => (h === 'TAG_SPOOL' ? 'TAG' : h === 'Status_Spool' ? 'status spool' : h));
    expect(detect({ Operaciones: drifted })).toMatchObject({ current: '2.1' });
  });

  it('takes schema_version from the metadata when it names a known schema, else the headers', () => {
    const sheets = reader({ Operaciones: v21 });
    expect(readSchema('3.1', sheets, 'Operaciones')).toMatchObject({ current: '3.1', source: 'metadata' });
    expect(readSchema('3.1', sheets, 'Operaciones').pending.map((spec) => spec.id)).toEqual(['v4.0']);
    expect(readSchema('9.0', sheets, 'Operaciones')).toMatchObject({ current: '2.1', source: 'headers' });
    expect(readSchema(null, sheets, 'Operaciones')).toMatchObject({ current: '2.1', source: 'headers' });
  });
});
