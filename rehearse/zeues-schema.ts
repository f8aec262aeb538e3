// The ZEUES spreadsheet's v2.1 layout, copied from a public copy of the project's staging sheet (typos, accents,
// spaces and '/' as in the source). Copies of the real sheet had 63 to 66 v2.1 columns: the first 63 of these are
// always present, the last three only in some copies.

export const OPERACIONES_SHEET = 'Operaciones';

export const V21_HEADERS: readonly string[] = [
  'id',
  'NV',
  'OT',
  'CT',
  'ITEM',
  'SPLIT',
  'TAG_SPOOL',
  'STATUS_NV',
  'Status_Spool',
  'Ubicación',
  'Cliente',
  'OC',
  'Item_OC',
  'PLANO_KRONOS N°',
  'Rev.',
  'Plano_Referencia',
  'Marca_Placa',
  'Prioridad',
  'Notas',
  'Fecha_Compromiso',
  'Fecha_Estimada_Entrega',
  'DIAM',
  'PD_Soldadura',
  'PD_Ranurado',
  'PD_Hilo',
  'Peso_Kg',
  'Area_m2',
  'Tipo Armado',
  'Tipo_NDT',
  'Tipo_PH',
  'Tipo_Revestimiento',
  'Tipo_Pintura',
  'Tipo_Embalaje',
  'Fecha_Ingenieria',
  'Fecha_Materiales',
  'Fecha_Armado',
  'Armador',
  'Fecha_Soldadura',
  'Soldador',
  'Fecha_QC_Metrología',
  'Fecha_NDT',
  'OK NDT si/no/Rep',
  'N°_nforme_PT',
  'N°_Informe_UT_ RX',
  'Fecha_PH',
  'N°_Informe_PH',
  'Fecha_Revestimiento',
  'Fecha_QC_Revestimiento',
  'Fecha_Envio_Pintura',
  'GD_envio_Pintura',
  'Fecha_Pintura',
  'Taller_Pintura',
  'Informe_Pintura',
  'Fecha_QC_Pintura',
  'Fecha_Liberación',
  'N°_Acta_Libración',
  'Packing_list',
  'Fecha_GD',
  'Guia_Despacho',
  'Precio Fabricación',
  'Precio Revestimiento',
  'Precio Pintura',
  'Precio Embalaje',
  'Precio Total',
  'FLAG',
  'MatSys',
];

export const MIN_V21_COLUMNS = 63;
export const MAX_V21_COLUMNS = V21_HEADERS.length;

export const KEY_HEADER = 'TAG_SPOOL';
export const KEY_HEADER_ALIASES: readonly string[] = ['TAG'];

export const V30_ADDED_HEADERS: readonly string[] = ['Ocupado_Por', 'Fecha_Ocupacion', 'version'];

export const COMPANION_HEADERS: Readonly<Record<'Metadata' | 'Trabajadores' | 'Roles', readonly string[]>> = {
  Metadata: [
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
  ],
  Trabajadores: ['Id', 'Nombre', 'Apellido', 'Activo'],
  Roles: ['Id', 'Rol', 'Activo'],
};

/** The sheet of weld unions v4.0 requires (created with these headers when missing), one row per union. */
export const UNIONES_SHEET = 'Uniones';
export const UNIONES_HEADERS: readonly string[] = [
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
];
