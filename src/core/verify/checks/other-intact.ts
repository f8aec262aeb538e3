// The other sheets' part of "every cell that existed before equals the backup" (v4.0: Uniones and Metadata): their
// data rows as they were before the migration (its rows and columns then), cell by cell against the backup's copy
// of the same sheet. Rows appended since and the columns the migration added are not part of it. Whether a
// difference is someone's edit or damage is the target sheet's check's call: the run's writes are proven inside
// its new columns or they are not (./../assemble.ts).
import type { Baseline } from '../../baseline';
import { sameCell } from '../../digest';
import { headerText } from '../../column-map';
import { translator, type Translate } from '../../messages';
import type { Services, SheetPort, SpreadsheetPort } from '../../ports';
import { addToSample, emptySample, showCell } from '../sample';
import type { Sample } from '../types';

export interface OtherCellDifference {
  sheet: string;
  row: number;
  header: string;
  backup: string | number | boolean;
  current: string | number | boolean;
}

export interface OtherIntact {
  rows_compared: number;
  differences: Sample<OtherCellDifference>;
  problem: string | null;
}

/**
 * Data rows of `sheet` below the header row to `lastRow` over `columns`, values and formulas: two reads, the extent
 * known from the plan. Null when the sheet is smaller now (rows or columns deleted): what is gone differs.
 */
function rowsOf(sheet: SheetPort, headerRow: number, lastRow: number, columns: number) {
  try {
    return {
      values: sheet.readValues(headerRow + 1, 1, lastRow - headerRow, columns),
      formulas: sheet.readFormulas(headerRow + 1, 1, lastRow - headerRow, columns),
    };
  } catch (error) {
    if (/outside the dimensions/i.test((error as Error).message)) return null;
    throw error;
  }
}

export function otherSheetsIntact(
  services: Services,
  spreadsheet: SpreadsheetPort,
  baseline: Baseline,
  headerRow: number,
  t: Translate = translator('en'),
): OtherIntact | null {
  const others = (baseline.others ?? []).filter(
    (other) => other.existed && other.last_row > headerRow && other.last_column > 0,
  );
  if (others.length === 0) return null;
  const result: OtherIntact = { rows_compared: 0, differences: emptySample(), problem: null };
  let backup: SpreadsheetPort;
  try {
    backup = services.spreadsheets.open(baseline.backup.file_id);
  } catch (error) {
    result.problem = t('check_backup_unopenable', { error: (error as Error).message });
    return result;
  }
  for (const other of others) {
    const sheet = spreadsheet.sheet(other.sheet);
    if (!sheet) continue; // the structure check says it is missing
    const copy = backup.sheet(other.sheet);
    if (!copy) {
      result.problem = t('check_backup_no_sheet', { sheet: other.sheet });
      continue;
    }
    const old = rowsOf(copy, headerRow, other.last_row, other.last_column);
    if (!old) {
      result.problem = t('check_backup_sheet_smaller', { sheet: other.sheet });
      continue;
    }
    const now = rowsOf(sheet, headerRow, other.last_row, other.last_column);
    const rows = old.values.length;
    result.rows_compared += rows;
    for (let r = 0; r < rows; r += 1) {
      for (let c = 0; c < old.values[r].length; c += 1) {
        const before = old.values[r][c] ?? '';
        const beforeFormula = old.formulas[r][c] ?? '';
        const current = now?.values[r]?.[c] ?? '';
        const currentFormula = now?.formulas[r]?.[c] ?? '';
        if (sameCell(before, beforeFormula, current, currentFormula)) continue;
        addToSample(result.differences, {
          sheet: other.sheet,
          row: headerRow + 1 + r,
          header: headerText(other.headers[c] ?? '') || t('check_unnamed_column', { column: c + 1 }),
          backup: showCell(before, beforeFormula),
          current: showCell(current, currentFormula),
        });
      }
    }
  }
  return result;
}
