import { parseArgs } from '../../rehearse/args';

describe('parseArgs', () => {
  it('runs on the sample with no arguments', () => {
    expect(parseArgs([])).toEqual({
      dryRun: false,
      verifyOnly: false,
      noBuild: false,
      help: false,
      file: undefined,
    });
  });

  it('takes a file and every option, with a space or an equals sign', () => {
    expect(
      parseArgs(['book.xlsx', '--sheet', 'Hoja 1', '--rollback=columns', '--out', 'out', '--no-build']),
    ).toEqual({
      file: 'book.xlsx',
      sheet: 'Hoja 1',
      rollback: 'columns',
      out: 'out',
      dryRun: false,
      verifyOnly: false,
      noBuild: true,
      help: false,
    });
    expect(parseArgs(['--dry-run', 'a.xlsx']).dryRun).toBe(true);
    expect(parseArgs(['--verify-only', 'a.xlsx']).verifyOnly).toBe(true);
    expect(parseArgs(['--rows=300']).rows).toBe(300);
    expect(parseArgs(['--target', 'v3.1']).target).toBe('v3.1');
    expect(parseArgs(['--target=4.0']).target).toBe('v4.0');
    expect(parseArgs(['-h']).help).toBe(true);
    expect(parseArgs(['--help']).help).toBe(true);
  });

  it.each([
    [['--frobnicate'], /unknown option --frobnicate/],
    [['--sheet'], /--sheet needs a value/],
    [['--sheet', '--dry-run'], /--sheet needs a value/],
    [['--rollback', 'half'], /--rollback must be "full" or "columns", got "half"/],
    [['--rows', '12.5'], /--rows must be a positive whole number/],
    [['a.xlsx', 'b.xlsx'], /one workbook at a time, got 2: a.xlsx, b.xlsx/],
    [['--dry-run', '--verify-only'], /choose one of --dry-run and --verify-only/],
    [['--dry-run', '--rollback', 'full'], /--rollback needs a migration to roll back/],
    [['a.xlsx', '--rows', '10'], /--rows sizes the sample workbook/],
    [['--dry-run=yes'], /--dry-run takes no value/],
    [['--target', 'latest'], /--target must name a migration such as v3\.1, got "latest"/],
    [['a.xlsx', '--verify-only', '--target', 'v3.1'], /--verify-only runs none/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
