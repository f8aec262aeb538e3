import type { Migration } from './types';

/**
 * ZEUES v2.1 -> v3.0: occupation tracking and optimistic locking on Operaciones. `Ocupado_Por` holds
 * INICIALES(ID) such as MR(93), `Fecha_Ocupacion` when it was taken (America/Santiago time), `version` counts the
 * app's writes to the row. Its five steps and seven checks are the original coordinator's, name for name.
 */
export const V3_0: Migration = {
  id: 'v3.0',
  from: '2.1',
  description:
    'Operaciones gains Ocupado_Por, Fecha_Ocupacion and version (occupation and optimistic locking).',
  descriptions: {
    es: 'Operaciones recibe Ocupado_Por, Fecha_Ocupacion y version (ocupación y bloqueo optimista).',
  },
  header_row: 1,
  sheets: [
    {
      sheet: 'Operaciones',
      key: { header: 'TAG_SPOOL', aliases: ['TAG'] },
      add_columns: [
        {
          header: 'Ocupado_Por',
          fill: { kind: 'empty' },
          rule: { pattern: '^[A-Z]{1,3}\\(\\d+\\)$', example: 'MR(93)' },
          paired_with: 'Fecha_Ocupacion',
        },
        { header: 'Fecha_Ocupacion', fill: { kind: 'empty' }, rule: { timestamp: 'DD-MM-YYYY HH:mm:ss' } },
        { header: 'version', fill: { kind: 'constant', value: 0 }, rule: 'counter' },
      ],
    },
  ],
  steps: [
    { name: 'create_backup', does: 'backup' },
    { name: 'add_v3_columns', does: 'add_columns' },
    { name: 'verify_schema', does: 'verify_schema' },
    { name: 'initialize_versions', does: 'fill_columns' },
    { name: 'test_smoke', does: 'verify' },
  ],
  checks: [
    { name: 'column_count', does: 'column_count' },
    { name: 'new_headers', does: 'new_headers' },
    { name: 'versions', does: 'counter' },
    { name: 'occupation_empty', does: 'paired' },
    { name: 'v21_data_intact', does: 'data_intact' },
    { name: 'column_mapping', does: 'column_mapping' },
    { name: 'report', does: 'report' },
  ],
};
