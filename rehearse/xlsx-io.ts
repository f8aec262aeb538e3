// The .xlsx files of the rehearsal: read (./xlsx-read.ts) and written (./xlsx-write.ts) as streams.
export { readWorkbook, readWorkbookFile } from './xlsx-read';
export type { ReadResult } from './xlsx-read';
export { writeWorkbook } from './xlsx-write';
export type { WorkbookSource } from './xlsx-write';
