import { blockDigests, cellKey, digestRows, sameCell, DIGEST_BLOCK_ROWS } from '../../src/core/digest';

describe('cell digests', () => {
  it('tells apart values that print alike but differ in type or formula', () => {
    const keys = [
      cellKey(1, ''),
      cellKey('1', ''),
      cellKey(true, ''),
      cellKey('true', ''),
      cellKey(2, '=1+1'),
      cellKey(2, ''),
      cellKey(new Date('2026-01-21T03:00:00Z'), ''),
      cellKey('2026-01-21T03:00:00.000Z', ''),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keys a formula cell by its formula alone: a volatile formula reads another value every time', () => {
    expect(cellKey(45000.5, '=NOW()')).toBe(cellKey(45001.25, '=NOW()'));
    expect(cellKey(3, '=A1+1')).not.toBe(cellKey(3, '=A1+2'));
  });

  it('compares two cells exactly as their keys compare, for every pair of a varied set', () => {
    const day = new Date('2026-01-21T03:00:00Z');
    const cells: [unknown, string][] = [
      [1, ''],
      ['1', ''],
      [0, ''],
      [-0, ''],
      [NaN, ''],
      [true, ''],
      ['true', ''],
      ['', ''],
      [null, ''],
      ['null', ''],
      [day, ''],
      [new Date(day.getTime()), ''],
      [day.toISOString(), ''],
      [2, '=1+1'],
      [3, '=1+1'],
      [2, ''],
    ];
    let equalPairs = 0;
    for (const [a, af] of cells) {
      for (const [b, bf] of cells) {
        const same = cellKey(a as never, af) === cellKey(b as never, bf);
        expect([a, af, b, bf, sameCell(a as never, af, b as never, bf)]).toEqual([a, af, b, bf, same]);
        if (same) equalPairs += 1;
      }
    }
    // each cell with itself, 0 with -0, the two Dates, the two =1+1 cells, null with 'null' (both key as text)
    expect(equalPairs).toBe(cells.length + 2 + 2 + 2 + 2);
  });

  it('changes when any one cell changes and not otherwise', () => {
    const rows = [
      ['MK-1', 'NV1000', 12.5],
      ['MK-2', 'NV1001', ''],
    ];
    const base = digestRows(rows, null, 3);
    expect(
      digestRows(
        rows.map((r) => r.slice()),
        null,
        3,
      ),
    ).toBe(base);
    const edited = rows.map((r) => r.slice());
    edited[1][2] = 0;
    expect(digestRows(edited, null, 3)).not.toBe(base);
    expect(
      digestRows(
        rows,
        [
          ['', '', ''],
          ['', '', '=A1'],
        ],
        3,
      ),
    ).not.toBe(base);
  });

  it('cuts a read into blocks that line up with the data range', () => {
    const rows = Array.from({ length: DIGEST_BLOCK_ROWS + 5 }, (_, i) => [`TAG-${i}`]);
    const digests = blockDigests(rows, null, 1, 0);
    expect(digests).toHaveLength(2);
    expect(digests[1]).toBe(digestRows(rows.slice(DIGEST_BLOCK_ROWS), null, 1));
    expect(() => blockDigests(rows, null, 1, 7)).toThrow(/block boundary/);
  });
});
