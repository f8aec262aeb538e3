// The engine's view of the chain's specs, for tests of the steps and checks.
import { migrationById } from '../../src/core/migrations/registry';
import { sheetSpec } from '../../src/core/migrations/sheet-spec';
import type { Migration } from '../../src/core/migrations/types';

export function chainSpec(id: string): Migration {
  const spec = migrationById(id);
  if (!spec) throw new Error(`no migration ${id}`);
  return spec;
}

/** v3.0 on Operaciones. */
export const V3_MIGRATION = sheetSpec(chainSpec('v3.0'));
