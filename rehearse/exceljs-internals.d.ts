// The parts of ExcelJS's own streaming machinery the rehearsal reuses (exceljs 4.4, lib/utils): its SAX helper,
// its shared-formula translation and its date helpers. ExcelJS publishes no types for them.

declare module 'exceljs/lib/utils/parse-sax' {
  export interface SaxNode {
    name: string;
    attributes: Record<string, string>;
  }
  export type SaxEvent =
    | { eventType: 'opentag'; value: SaxNode }
    | { eventType: 'closetag'; value: SaxNode }
    | { eventType: 'text'; value: string };
  export default function parseSax(iterable: AsyncIterable<unknown>): AsyncGenerator<SaxEvent[]>;
}

declare module 'exceljs/lib/utils/shared-formula' {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}

declare module 'exceljs/lib/utils/utils' {
  export function isDateFmt(format: string | undefined): boolean;
  export function excelToDate(serial: number, date1904?: boolean): Date;
}
