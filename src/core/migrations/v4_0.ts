import type { Fill, Migration } from './types';

const UNIONES = 'Uniones';

function fromUniones(aggregate: 'count' | 'count_not_empty' | 'sum', where?: string, column?: string): Fill {
  return { kind: 'computed', from_sheet: UNIONES, key: 'TAG_SPOOL', aggregate, where, column };
}

/**
 * ZEUES v3.1 -> v4.0: union-level tracking. `Uniones` (one row per weld union, filled by Engineering) must
 * exist with its 17 headers; Operaciones gains five figures computed from it by TAG_SPOOL (0 for a spool with no
 * unions); the Metadata event log gains N_UNION for union-level events.
 */
export const V4_0: Migration = {
  id: 'v4.0',
  from: '3.1',
  description:
    'Uniones (17 headers) is required; Operaciones gains five union figures computed from it by TAG_SPOOL; ' +
    'Metadata gains N_UNION.',
  descriptions: {
    es:
      'Se requiere Uniones (17 encabezados); Operaciones recibe cinco cifras de uniones calculadas desde ella por ' +
      'TAG_SPOOL; Metadata recibe N_UNION.',
  },
  header_row: 1,
  sheets: [
    {
      sheet: 'Operaciones',
      key: { header: 'TAG_SPOOL', aliases: ['TAG'] },
      add_columns: [
        { header: 'Total_Uniones', fill: fromUniones('count'), rule: 'integer' },
        {
          header: 'Uniones_ARM_Completadas',
          fill: fromUniones('count_not_empty', 'ARM_FECHA_FIN'),
          rule: 'integer',
        },
        {
          header: 'Uniones_SOLD_Completadas',
          fill: fromUniones('count_not_empty', 'SOL_FECHA_FIN'),
          rule: 'integer',
        },
        { header: 'Pulgadas_ARM', fill: fromUniones('sum', 'ARM_FECHA_FIN', 'DN_UNION'), rule: 'number' },
        { header: 'Pulgadas_SOLD', fill: fromUniones('sum', 'SOL_FECHA_FIN', 'DN_UNION'), rule: 'number' },
      ],
    },
    {
      sheet: UNIONES,
      key: { header: 'TAG_SPOOL', aliases: ['TAG'] },
      ensure: {
        headers: [
          'ID',
          'OT',
          'N_UNION',
          'TAG_SPOOL',
          'DN_UNION',
          'TIPO_UNION',
          'ARM_FECHA_INICIO',
          'ARM_FECHA_FIN',
          'ARM_WORKER',
          'SOL_FECHA_INICIO',
          'SOL_FECHA_FIN',
          'SOL_WORKER',
          'NDT_UNION',
          'R_NDT_UNION',
          'NDT_FECHA',
          'NDT_STATUS',
          'version',
        ],
      },
    },
    {
      sheet: 'Metadata',
      add_columns: [{ header: 'N_UNION', fill: { kind: 'empty' } }],
      append_only: true,
    },
  ],
  steps: [
    { name: 'create_backup', does: 'backup' },
    { name: 'ensure_uniones', does: 'ensure_sheets' },
    { name: 'add_columns', does: 'add_columns' },
    { name: 'verify_schema', does: 'verify_schema' },
    { name: 'compute_union_figures', does: 'fill_columns' },
    { name: 'verify', does: 'verify' },
  ],
  checks: [
    { name: 'column_count', does: 'column_count' },
    { name: 'new_headers', does: 'new_headers' },
    { name: 'uniones_structure', does: 'sheet_structure' },
    { name: 'union_figures', does: 'computed_values' },
    { name: 'new_values', does: 'values' },
    { name: 'data_intact', does: 'data_intact' },
    { name: 'column_mapping', does: 'column_mapping' },
    { name: 'report', does: 'report' },
  ],
};
