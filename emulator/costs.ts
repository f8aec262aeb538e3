// The cost model: virtual milliseconds each service call adds to an execution's clock.
// Defaults and their sources are in emulator/README.md ("Cost table").

export interface CostTable {
  /** Apps Script kills an execution past this much time. */
  executionLimitMs: number;
  /** A read call (getValues, getValue, getFormulas, getDisplayValues): fixed part and per-cell part. */
  readBaseMs: number;
  readPerCellUs: number;
  /** A committed write call (setValues, setValue on one cell, setFormulas): fixed part and per-cell part. */
  writeBaseMs: number;
  writePerCellUs: number;
  /** One value written over many cells (setValue on a block, clear): per-cell part. */
  fillPerCellUs: number;
  /** Sheet structure changes (insert/delete rows or columns, frozen rows, hide, insertSheet). */
  structureBaseMs: number;
  structurePerCellUs: number;
  /** Calls that read sheet or spreadsheet attributes (getLastRow, getMaxColumns, getSheetId...). */
  attributeMs: number;
  /** Developer metadata add/find/get. */
  metadataMs: number;
  /** Protections: protect(), getProtections(), and every Protection call but getProtectionType. */
  protectionMs: number;
  openByIdMs: number;
  activeSpreadsheetMs: number;
  createSpreadsheetMs: number;
  makeCopyBaseMs: number;
  makeCopyPerCellUs: number;
  /** Other Drive calls: getFileById, getFolderById, createFile, setTrashed, iterators... */
  driveCallMs: number;
  propertiesGetMs: number;
  propertiesSetMs: number;
  cacheGetMs: number;
  cachePutMs: number;
  lockMs: number;
  triggerMs: number;
  uiMs: number;
  htmlMs: number;
  sessionMs: number;
  mailSendMs: number;
  mailQuotaMs: number;
  /** 'measured' CPU mode: Apps Script's V8 takes this many times the CPU this machine's Node takes. */
  scriptCpuFactor: number;
  /** 'estimate' CPU mode: the script's own work per service call and per cell it reads or writes. */
  scriptPerCallUs: number;
  scriptPerCellUs: number;
}

export const DEFAULT_COSTS: CostTable = {
  executionLimitMs: 6 * 60 * 1000,
  readBaseMs: 200,
  readPerCellUs: 8.5,
  writeBaseMs: 200,
  writePerCellUs: 10,
  fillPerCellUs: 0.08,
  structureBaseMs: 300,
  structurePerCellUs: 0.05,
  attributeMs: 50,
  metadataMs: 150,
  protectionMs: 150,
  openByIdMs: 500,
  activeSpreadsheetMs: 20,
  createSpreadsheetMs: 1500,
  makeCopyBaseMs: 2000,
  makeCopyPerCellUs: 0.2,
  driveCallMs: 300,
  propertiesGetMs: 30,
  propertiesSetMs: 60,
  cacheGetMs: 30,
  cachePutMs: 90,
  lockMs: 50,
  triggerMs: 300,
  uiMs: 50,
  htmlMs: 20,
  sessionMs: 10,
  mailSendMs: 500,
  mailQuotaMs: 50,
  scriptCpuFactor: 3,
  scriptPerCallUs: 0,
  scriptPerCellUs: 0.6,
};
