// The workbook to rehearse on, read and checked before the emulator is touched, then loaded into it. The model is
// only held until it is in the emulator: on a 150,000-row sheet it is a few hundred MB that the run does not need.

import { BadInput } from './errors';
import type { NotCarriedItem } from './not-carried';
import type { SheetSummary } from './print';
import { isLimitError, summaryOf } from './rehearsal';
import { zeuesWorkbook } from './sample-workbook';
import type { WorkbookModel } from './workbook';
import { CELL_LIMIT, gridCells, overCellLimit } from './workbook';
import type { EmulatedSpreadsheet, RehearsalWorld } from './world';
import { readWorkbookFile } from './xlsx-read';

export const SAMPLE_NAME = 'ZEUES';

export interface Checked {
  workbook: WorkbookModel;
  notCarried: NotCarriedItem[];
  before: SheetSummary;
  /** How the output names the workbook: its path, or "the sample workbook". */
  source: string;
}

export async function readChecked(
  file: string | undefined,
  sheet: string,
  rows: number | undefined,
): Promise<Checked> {
  const read = file
    ? await readWorkbookFile(file)
    : { workbook: zeuesWorkbook({ rows, name: SAMPLE_NAME, uniones: true }), notCarried: [] };
  const source = file ?? 'the sample workbook';
  const { workbook } = read;
  const target = workbook.sheets.find((s) => s.name === sheet);
  if (!target) {
    const names = workbook.sheets.map((s) => `"${s.name}"`).join(', ') || 'none';
    throw new BadInput(
      `${source} has no sheet named "${sheet}". Sheets in it: ${names}. Choose one with --sheet NAME.`,
    );
  }
  const cells = gridCells(workbook);
  if (cells > CELL_LIMIT) throw new BadInput(overCellLimit(source, cells));
  return { workbook, notCarried: read.notCarried, before: summaryOf(target, null), source };
}

/** Loads the workbook into the world and lets go of it: `checked.workbook` is gone afterwards. */
export function loadIntoWorld(world: RehearsalWorld, checked: Checked): EmulatedSpreadsheet {
  const { workbook } = checked;
  (checked as Partial<Checked>).workbook = undefined;
  try {
    return world.createSpreadsheet(workbook);
  } catch (error) {
    const message = (error as Error).message;
    if (isLimitError(message)) {
      throw new BadInput(`the workbook cannot be loaded as a Google spreadsheet: ${message}`);
    }
    throw error;
  }
}
