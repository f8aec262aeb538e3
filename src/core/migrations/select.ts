// Which migration an entry point works on.
import type { MigrationSpec } from '../spec/migration-spec';
import { migrations } from './registry';
import { sheetSpec } from './sheet-spec';

/** The migration the engine runs: the chain's first (the later ones run once the engine drives the chain). */
export function runnableSpec(): MigrationSpec {
  return sheetSpec(migrations()[0]);
}
