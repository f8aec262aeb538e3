// npm run bench: what digesting the backup comparison's blocks costs, option by option, on ZEUES-shaped rows
// (values and formulas of 66 columns, blocks of DIGEST_BLOCK_ROWS rows). Issue 15 asks for a digest that costs a
// fraction of the former SHA-256 (js-sha256): this prints each option's time per million cells, locally.
//   sha256 (js-sha256)     the former digest: every cell's key joined, hashed with SHA-256 in JavaScript
//   text only              building the joined keys alone: what any hash over the block's text pays first
//   node sha256 over text  a native SHA-256 after building the text: a stand-in for Utilities.computeDigest on
//                          whole blocks (Apps Script's native digest; its own cost there cannot be measured here)
//   digest.ts (current)    the add-on's digest: two 32-bit multiply-xor lanes fed cell by cell, no text built
import { createHash } from 'node:crypto';
import { sha256 } from 'js-sha256';
import { DIGEST_BLOCK_ROWS, blockDigests, cellKey } from '../src/core/digest';
import type { CellValue } from '../src/core/ports';
import { zeuesWorkbook } from '../rehearse/sample-workbook';

const ROWS = 25_000;
const ROUNDS = 5;

const sheet = zeuesWorkbook({ rows: ROWS }).sheets[0];
const values = sheet.values.slice(1) as CellValue[][];
const width = values[0].length;
const formulas: string[][] = (sheet.formulas ?? []).slice(1).map((row) => row.map((f) => f ?? ''));
while (formulas.length < values.length) formulas.push(new Array<string>(width).fill(''));
const cells = values.length * width;

function blockText(start: number, end: number): string {
  const lines: string[] = [];
  for (let r = start; r < end; r += 1) {
    const parts: string[] = new Array(width);
    for (let c = 0; c < width; c += 1) parts[c] = cellKey(values[r][c] ?? '', formulas[r][c] || '');
    lines.push(parts.join('\u0002'));
  }
  return lines.join('\u0003');
}

function eachBlock(digest: (start: number, end: number) => string): string[] {
  const out: string[] = [];
  for (let start = 0; start < values.length; start += DIGEST_BLOCK_ROWS) {
    out.push(digest(start, Math.min(start + DIGEST_BLOCK_ROWS, values.length)));
  }
  return out;
}

const options: Record<string, () => unknown> = {
  'sha256 (js-sha256)': () => eachBlock((s, e) => sha256(blockText(s, e)).slice(0, 16)),
  'text only': () => eachBlock((s, e) => String(blockText(s, e).length)),
  'node sha256 over text': () =>
    eachBlock((s, e) => createHash('sha256').update(blockText(s, e)).digest('hex').slice(0, 16)),
  'digest.ts (current)': () => blockDigests(values, formulas, width, 0),
};

function msPerMillionCells(run: () => unknown): number {
  run(); // warm up
  let best = Infinity;
  for (let i = 0; i < ROUNDS; i += 1) {
    const started = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return (best / cells) * 1e6;
}

console.log(
  `\n== digest of ${ROWS.toLocaleString('en-US')} rows x ${width} columns (${cells.toLocaleString('en-US')} cells), best of ${ROUNDS}`,
);
const baseline = msPerMillionCells(options['sha256 (js-sha256)']);
for (const [name, run] of Object.entries(options)) {
  const ms = name === 'sha256 (js-sha256)' ? baseline : msPerMillionCells(run);
  console.log(
    `  ${name.padEnd(24)} ${ms.toFixed(0).padStart(6)} ms per million cells  (${((100 * ms) / baseline).toFixed(0)}% of sha256)`,
  );
}
