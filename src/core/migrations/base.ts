import type { BaseSchema } from './types';

/**
 * ZEUES v2.1, where the chain starts. Its signature is nine Operaciones headers that every copy of the v2.1
 * sheet has (they are among its first 63 columns, which all copies share) and that name ZEUES' own concepts: a
 * sheet holding all nine is v2.1 or later; a sheet that has TAG_SPOOL and a few other columns is not.
 */
export const V2_1: BaseSchema = {
  version: '2.1',
  sheet: 'Operaciones',
  signature: [
    { header: 'TAG_SPOOL', aliases: ['TAG'] },
    { header: 'NV' },
    { header: 'OT' },
    { header: 'ITEM' },
    { header: 'STATUS_NV' },
    { header: 'Status_Spool' },
    { header: 'Fecha_Armado' },
    { header: 'Fecha_Soldadura' },
    { header: 'Fecha_NDT' },
  ],
};

/** The sheets a v2.1 ZEUES spreadsheet has besides Operaciones. */
export const BASE_SHEETS = ['Operaciones', 'Metadata', 'Trabajadores', 'Roles'];
