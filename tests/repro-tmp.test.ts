import { World } from '../emulator';
import { zeuesWorkbook } from '../rehearse/sample-workbook';
it('x', () => {
  const world = new World({});
  const wb = zeuesWorkbook({ rows: 2500 });
  const ss = world.createSpreadsheet(wb);
  console.log(ss.sheet('Operaciones').maxRows, ss.sheet('Operaciones').maxColumns, ss.sheet('Operaciones').lastColumn);
  const r = world.run('startMigration', [], { activeSpreadsheet: ss.id });
  console.log(JSON.stringify(r.stats.calls), r.stats.cellsRead, r.logs.map(l=>l.message).join('\n'));
});
