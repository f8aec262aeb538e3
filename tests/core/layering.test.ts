import fs from 'node:fs';
import path from 'node:path';

// The core's layers, lowest first: what every operation shares (state, slice, messages, the chain's specs, the
// sheet helpers at the top of src/core), then verification, then applying a migration (its final check runs a
// verification), then rollback (it may end a run that never finished: it reads the run's checkpoint and lifts
// its edit freeze). A module imports only its own layer or lower ones, types included, so the operations do not
// import each other in a loop (DESIGN.md, "One engine").
const CORE = path.join(__dirname, '../../src/core');
const LAYER_OF_FOLDER: Record<string, number> = {
  state: 0,
  slice: 0,
  messages: 0,
  migrations: 0,
  verify: 1,
  migration: 2,
  rollback: 3,
};

function sourcesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function layerOf(file: string): { name: string; rank: number } {
  const relative = path.relative(CORE, file).split(path.sep);
  if (relative.length === 1) return { name: 'core', rank: 0 };
  const rank = LAYER_OF_FOLDER[relative[0]];
  if (rank === undefined)
    throw new Error(`src/core/${relative[0]}/ has no layer: add it to LAYER_OF_FOLDER.`);
  return { name: relative[0], rank };
}

function relativeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:import|export)[^;]*?from\s+'(\.[^']+)'/g)].map((match) => match[1]);
  return found.map((specifier) => path.resolve(path.dirname(file), specifier));
}

function violations(): string[] {
  const out: string[] = [];
  for (const file of sourcesUnder(CORE)) {
    const from = layerOf(file);
    for (const target of relativeImports(file)) {
      if (!target.startsWith(CORE + path.sep)) {
        out.push(`${path.relative(CORE, file)} imports ${path.relative(CORE, target)}, outside src/core`);
        continue;
      }
      const to = layerOf(target.endsWith('.ts') ? target : `${target}.ts`);
      if (to.rank > from.rank || (to.rank === from.rank && to.name !== from.name && from.rank > 0)) {
        out.push(
          `${path.relative(CORE, file)} (${from.name}) imports ${path.relative(CORE, target)} (${to.name})`,
        );
      }
    }
  }
  return out;
}

describe("the core's layers", () => {
  it('finds the imports it judges (the scan is not empty)', () => {
    const files = sourcesUnder(CORE);
    expect(files.length).toBeGreaterThan(50);
    const imports = files.flatMap(relativeImports);
    expect(imports.length).toBeGreaterThan(200);
    expect(imports.some((target) => target.includes(`${path.sep}verify${path.sep}`))).toBe(true);
  });

  it('verification, migration and rollback import only downwards: no loop between them', () => {
    expect(violations()).toEqual([]);
  });

  it('would catch an upward import (verify importing migration)', () => {
    const from = layerOf(path.join(CORE, 'verify/assemble.ts'));
    const to = layerOf(path.join(CORE, 'migration/confined.ts'));
    expect(to.rank).toBeGreaterThan(from.rank);
  });
});
