// What a workbook holds that the rehearsal does not carry into the emulator and the migrated .xlsx: the emulated
// spreadsheet keeps values, formulas, sheet sizes and frozen rows; everything below is dropped or changed.

export const NOT_CARRIED = {
  numberFormats:
    'number and date formats (the migrated .xlsx shows plain numbers, and dates as yyyy-mm-dd hh:mm:ss)',
  formatting: 'cell formatting: fonts, colours, borders, alignment',
  merges: 'merged cells (written back unmerged)',
  hyperlinks: 'hyperlinks (their text is kept, the link is not)',
  richText: 'rich text (kept as plain text)',
  errorCells: 'error values typed as values, such as #N/A (they become text; formula errors are kept)',
  dataValidation: 'data validation rules and drop-downs',
  conditionalFormatting: 'conditional formatting',
  notes: 'notes and comments',
  drawings: 'images and charts',
  tables: 'tables',
  namedRanges: 'named ranges',
} as const;

export type NotCarriedKind = keyof typeof NOT_CARRIED;

export interface NotCarriedItem {
  kind: NotCarriedKind;
  count: number;
  /** Where the first one is, e.g. `Operaciones!B2`. */
  example: string;
}

/** Counts of what is dropped, with the first place each was seen. */
export class NotCarried {
  private readonly found = new Map<NotCarriedKind, NotCarriedItem>();

  add(kind: NotCarriedKind, where: string, count = 1): void {
    const item = this.found.get(kind);
    if (item) item.count += count;
    else this.found.set(kind, { kind, count, example: where });
  }

  items(): NotCarriedItem[] {
    const order = Object.keys(NOT_CARRIED) as NotCarriedKind[];
    return order.flatMap((kind) => {
      const item = this.found.get(kind);
      return item ? [{ ...item }] : [];
    });
  }
}

export function notCarriedText(items: readonly NotCarriedItem[], source: string): string {
  const lines = [
    `warning: the rehearsal keeps values, formulas, sheet sizes, frozen rows and hidden sheets only; ${source} also has`,
    ...items.map(
      (i) => `  - ${NOT_CARRIED[i.kind]}: ${i.count.toLocaleString('en-US')}, first at ${i.example}`,
    ),
    '  The migration in Google Sheets keeps all of these; only this local copy and its .xlsx lose them.',
  ];
  return lines.join('\n');
}
