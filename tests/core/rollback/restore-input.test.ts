import { CELL_CHAR_LIMIT, restoreInput, sheetsWouldParse } from '../../../src/core/rollback/blocks';

describe('restoreInput', () => {
  it('puts the quote prefix only before text Sheets would parse', () => {
    for (const text of [
      '00123',
      '22-11-2024',
      '1.5%',
      '$5',
      'TRUE',
      'falso',
      '=A1',
      '+1',
      '-x',
      '#N/A',
      "'q",
    ]) {
      expect([text, sheetsWouldParse(text)]).toEqual([text, true]);
      expect(restoreInput(text, '')).toBe(`'${text}`);
    }
    for (const text of ['Pintura externa', 'Cajón', 'N/A', 'si', 'Truest']) {
      expect([text, sheetsWouldParse(text)]).toEqual([text, false]);
      expect(restoreInput(text, '')).toBe(text);
    }
  });

  it('never passes the cell limit: long plain text as is, long number-like text is unwritable (null)', () => {
    const prose = 'a'.repeat(CELL_CHAR_LIMIT);
    expect(restoreInput(prose, '')).toBe(prose);
    expect(restoreInput('7'.repeat(CELL_CHAR_LIMIT - 1), '')).toHaveLength(CELL_CHAR_LIMIT);
    expect(restoreInput('7'.repeat(CELL_CHAR_LIMIT), '')).toBeNull();
  });

  it('writes formulas as formulas and other values as they are', () => {
    expect(restoreInput(3, '=A1+1')).toBe('=A1+1');
    expect(restoreInput(12.5, '')).toBe(12.5);
    expect(restoreInput(false, '')).toBe(false);
    expect(restoreInput('', '')).toBe('');
    expect(restoreInput(undefined, '')).toBe('');
  });
});
