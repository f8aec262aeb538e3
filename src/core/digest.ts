import type { CellValue } from './ports';

/** How many rows one block digest covers: small enough to find a difference without reading everything again. */
export const DIGEST_BLOCK_ROWS = 1000;

/**
 * Whether a value is a Date, of any realm (gas-local's vm makes Dates that fail `instanceof Date` outside it).
 * Primitives, nearly every cell, are told apart by `typeof` before the costlier tag check.
 */
export function isDate(value: unknown): value is Date {
  return (
    typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]'
  );
}

/**
 * One cell as an unambiguous string: its formula when it has one, else its value with its type. A formula
 * cell's value is left out: it follows from the formula and its inputs, and volatile formulas (NOW(), RAND())
 * give another value at every read, in the backup copy too.
 */
export function cellKey(value: CellValue, formula: string): string {
  if (formula) return `f${formula}`;
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'number') return `n${value}`;
  if (typeof value === 'boolean') return `b${value}`;
  if (isDate(value)) return `d${value.toISOString()}`;
  return `s${value}`;
}

/** Whether two cells have the same cellKey, without building the keys for the common case of equal primitives. */
export function sameCell(value: CellValue, formula: string, other: CellValue, otherFormula: string): boolean {
  if (!formula && !otherFormula && value === other && typeof value !== 'object') return true;
  return cellKey(value, formula) === cellKey(other, otherFormula);
}

// The block digest: every cell fed into two 32-bit lanes (mixed into 64 bits at the end), with no text built.
// Each cell is its type tag, then its content: a formula or a string as its length and its characters, two per
// step; a number (a Date as its time) as its 64 bits; a boolean as 0 or 1. Lengths and tags make the encoding
// unambiguous. `npm run bench` (bench/digest.ts) measures it against the former digest (every cell's key text
// joined and hashed with SHA-256 by js-sha256) and against a native SHA-256 over that text (what
// Utilities.computeDigest on whole blocks would add to building the text): building the text alone costs more
// than this whole digest, so no hash over the block's text can come close. No adversary chooses the cells, so a
// cryptographic hash buys nothing here; what matters is that a real difference between two reads is not missed,
// and two lanes of 32 bits (multiply, xor-shift and rotate, then murmur3's finaliser) leave about one chance in
// 2^64 per block of a difference hiding.
// Read once: a global looked up in the hot loop costs a lookup per step (in a Node vm context, where the
// emulator runs the bundle, a call into the context's global interceptor: about five times the digest's cost).
const imul = Math.imul;
const LANE_A = 0x01000193;
const LANE_B = 0x5bd1e995;
const TAG_FORMULA = 1;
const TAG_STRING = 2;
const TAG_NUMBER = 3;
const TAG_BOOLEAN = 4;
const TAG_DATE = 5;
const ROW_END = 6;

const float = new Float64Array(1);
const words = new Int32Array(float.buffer);

class BlockHash {
  private a = 0x811c9dc5;
  private b = 0x9e3779b9;

  word(w: number): void {
    const a = imul(this.a ^ w, LANE_A);
    this.a = a ^ (a >>> 15);
    const b = this.b ^ w;
    this.b = imul((b << 7) | (b >>> 25), LANE_B);
  }

  text(text: string): void {
    const n = text.length;
    let a = imul(this.a ^ n, LANE_A);
    a ^= a >>> 15;
    let b = this.b ^ n;
    b = imul((b << 7) | (b >>> 25), LANE_B);
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const w = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
      a = imul(a ^ w, LANE_A);
      a ^= a >>> 15;
      b ^= w;
      b = imul((b << 7) | (b >>> 25), LANE_B);
    }
    if (i < n) {
      const w = text.charCodeAt(i);
      a = imul(a ^ w, LANE_A);
      a ^= a >>> 15;
      b ^= w;
      b = imul((b << 7) | (b >>> 25), LANE_B);
    }
    this.a = a;
    this.b = b;
  }

  number(value: number): void {
    float[0] = value;
    this.word(words[0]);
    this.word(words[1]);
  }

  cell(value: CellValue, formula: string): void {
    if (formula) {
      this.word(TAG_FORMULA);
      this.text(formula);
    } else if (typeof value === 'string') {
      this.word(TAG_STRING);
      this.text(value);
    } else if (typeof value === 'number') {
      this.word(TAG_NUMBER);
      this.number(value);
    } else if (typeof value === 'boolean') {
      this.word(TAG_BOOLEAN);
      this.word(value ? 1 : 0);
    } else if (isDate(value)) {
      this.word(TAG_DATE);
      this.number(value.getTime());
    } else {
      this.word(TAG_STRING);
      this.text(value === null || value === undefined ? '' : String(value));
    }
  }

  row(): void {
    this.word(ROW_END);
  }

  /** 16 hex digits; each half mixes both lanes. */
  hex(): string {
    const a = fmix(this.a ^ imul(this.b, 0x85ebca6b));
    const b = fmix(this.b ^ a);
    return hex8(a) + hex8(b);
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/**
 * Digest of a run of rows: 64 bits over every cell's key, row by row (see BlockHash).
 * `formulas` may be null when the block has no formulas.
 */
export function digestRows(values: CellValue[][], formulas: string[][] | null, columns: number): string {
  const hash = new BlockHash();
  for (let r = 0; r < values.length; r += 1) {
    const row = values[r];
    const formulaRow = formulas ? formulas[r] : null;
    for (let c = 0; c < columns; c += 1) {
      const value = row[c];
      hash.cell(value === undefined ? '' : value, formulaRow ? formulaRow[c] || '' : '');
    }
    hash.row();
  }
  return hash.hex();
}

/**
 * Digests of consecutive blocks of DIGEST_BLOCK_ROWS rows. `firstRowIndex` is the 0-based index (in the whole
 * data range) of values[0]; it must be a multiple of DIGEST_BLOCK_ROWS so that blocks line up across reads.
 */
export function blockDigests(
  values: CellValue[][],
  formulas: string[][] | null,
  columns: number,
  firstRowIndex: number,
): string[] {
  if (firstRowIndex % DIGEST_BLOCK_ROWS !== 0) {
    throw new Error(`blockDigests: a read must start on a block boundary, got row index ${firstRowIndex}`);
  }
  const digests: string[] = [];
  for (let start = 0; start < values.length; start += DIGEST_BLOCK_ROWS) {
    const end = Math.min(start + DIGEST_BLOCK_ROWS, values.length);
    digests.push(digestRows(values.slice(start, end), formulas ? formulas.slice(start, end) : null, columns));
  }
  return digests;
}
