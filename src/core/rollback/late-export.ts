import { rowBlocks } from './blocks';
import type { RollbackCheckpoint } from './checkpoint';
import {
  changedCellsIn,
  exportPartName,
  exportSpan,
  writeExport,
  type ExportDocument,
  type ExportedCell,
  type ExportSource,
} from './export';
import type { Execution } from './phases';

const cellId = (cell: ExportedCell) =>
  JSON.stringify([cell.row, cell.column, cell.value, cell.formula ?? '']);

/**
 * A rollback resumed after its export: the cells it would lose are read again and any the export files do not
 * hold (written by the app in between) go to one more part. Its name is deterministic, so a crash after writing
 * it finds it again.
 */
export function lateExport(
  execution: Execution,
  source: ExportSource,
  current: () => RollbackCheckpoint,
  save: (next: RollbackCheckpoint) => RollbackCheckpoint,
): void {
  const span = exportSpan(source);
  if (!span) return;
  const cells: ExportedCell[] = [];
  for (let row = span.first; row <= span.last;) {
    const block = rowBlocks(row, span.last, span.capColumns)[0];
    cells.push(...changedCellsIn(source, block));
    row = block.row + block.rows;
  }
  if (cells.length === 0) return;
  const { services, spreadsheet } = execution;
  const exported = current().exported;
  const refs = exported ? (exported.parts ?? [exported]) : [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const document = JSON.parse(services.drive.readText(ref.file_id)) as ExportDocument;
    for (const cell of document.cells) seen.add(cellId(cell));
  }
  const late = cells.filter((cell) => !seen.has(cellId(cell)));
  if (late.length === 0) return;
  const checkpoint = current();
  const name =
    refs.length === 0 ? checkpoint.export_name : exportPartName(checkpoint.export_name, refs.length + 1);
  const ref = writeExport(services.drive, checkpoint.target.backup.folder_id, name, {
    spreadsheet_id: spreadsheet.id,
    spreadsheet_name: spreadsheet.name,
    sheet: source.sheet.name,
    migration_run_id: checkpoint.migration_run_id,
    rollback_run_id: checkpoint.run_id,
    mode: checkpoint.mode,
    key_column: source.spec.keyColumn.header,
    exported_at: new Date(services.clock.now()).toISOString(),
    cells: late,
  });
  const parts = [...refs, ref];
  save({ ...checkpoint, exported: parts.length === 1 ? parts[0] : { ...parts[0], parts } });
}
