import type { MigrationSpec } from './migration-spec';

/** ZEUES v2.1 -> v3.0: occupation tracking and optimistic locking on the Operaciones sheet. */
export const V3_MIGRATION: MigrationSpec = {
  id: 'v3.0',
  fromVersion: '2.1',
  defaultSheet: 'Operaciones',
  headerRow: 1,
  keyColumn: { header: 'TAG_SPOOL', aliases: ['TAG'] },
  newColumns: [
    { header: 'Ocupado_Por', fill: '' },
    { header: 'Fecha_Ocupacion', fill: '' },
    { header: 'version', fill: 0 },
  ],
};
