import type { Migration } from './types';

/** ZEUES v3.0 -> v3.1: `Estado_Detalle`, the combined state the app shows workers, written by the app. */
export const V3_1: Migration = {
  id: 'v3.1',
  from: '3.0',
  description: 'Operaciones gains Estado_Detalle (the combined state shown to workers, written by the app).',
  descriptions: {
    es: 'Operaciones recibe Estado_Detalle (el estado combinado que ven los trabajadores, lo escribe la aplicación).',
  },
  header_row: 1,
  sheets: [
    {
      sheet: 'Operaciones',
      key: { header: 'TAG_SPOOL', aliases: ['TAG'] },
      add_columns: [{ header: 'Estado_Detalle', fill: { kind: 'empty' } }],
    },
  ],
  steps: [
    { name: 'create_backup', does: 'backup' },
    { name: 'add_columns', does: 'add_columns' },
    { name: 'verify_schema', does: 'verify_schema' },
    { name: 'fill_columns', does: 'fill_columns' },
    { name: 'verify', does: 'verify' },
  ],
  checks: [
    { name: 'column_count', does: 'column_count' },
    { name: 'new_headers', does: 'new_headers' },
    { name: 'new_values', does: 'values' },
    { name: 'data_intact', does: 'data_intact' },
    { name: 'column_mapping', does: 'column_mapping' },
    { name: 'report', does: 'report' },
  ],
};
