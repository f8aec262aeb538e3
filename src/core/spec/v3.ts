import type { MigrationSpec } from './migration-spec';

/**
 * ZEUES v2.1 -> v3.0: occupation tracking and optimistic locking on the Operaciones sheet. `Ocupado_Por` holds
 * INICIALES(ID) such as MR(93), `Fecha_Ocupacion` when it was taken (America/Santiago time), `version` counts the
 * app's writes to the row.
 */
export const V3_MIGRATION: MigrationSpec = {
  id: 'v3.0',
  fromVersion: '2.1',
  defaultSheet: 'Operaciones',
  headerRow: 1,
  keyColumn: { header: 'TAG_SPOOL', aliases: ['TAG'] },
  newColumns: [
    {
      header: 'Ocupado_Por',
      fill: '',
      rule: { pattern: '^[A-Z]{1,3}\\(\\d+\\)$', example: 'MR(93)' },
      pairedWith: 'Fecha_Ocupacion',
    },
    { header: 'Fecha_Ocupacion', fill: '', rule: { timestamp: 'DD-MM-YYYY HH:mm:ss' } },
    { header: 'version', fill: 0, rule: 'counter' },
  ],
};
