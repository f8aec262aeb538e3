// The ordered chain of migrations: the only way code gets a spec. Adding the next migration is one spec file
// and one line below.
import { V2_1 } from './base';
import type { BaseSchema, Migration } from './types';
import { validateChain, versionOf } from './validate';
import { V3_0 } from './v3_0';
import { V3_1 } from './v3_1';
import { V4_0 } from './v4_0';

const CHAIN: readonly Migration[] = [
  V3_0, // 2.1 -> 3.0
  V3_1, // 3.0 -> 3.1
  V4_0, // 3.1 -> 4.0
];

validateChain(V2_1, CHAIN);

export function baseSchema(): BaseSchema {
  return V2_1;
}

/** Every migration, oldest first. */
export function migrations(): readonly Migration[] {
  return CHAIN;
}

export function latestMigration(): Migration {
  return CHAIN[CHAIN.length - 1];
}

export function migrationById(id: string): Migration | null {
  return CHAIN.find((spec) => spec.id === id) ?? null;
}

/** Every schema version the chain knows, oldest first: '2.1', '3.0', ... */
export function versions(): string[] {
  return [V2_1.version, ...CHAIN.map(versionOf)];
}

/** The migrations after `version` (a known schema), in order. */
export function pendingAfter(version: string): Migration[] {
  const at = versions().indexOf(version);
  return at < 0 ? [] : CHAIN.slice(at);
}

/** The migration that leaves `version`, or null for the base schema. */
export function migrationTo(version: string): Migration | null {
  return CHAIN.find((spec) => versionOf(spec) === version) ?? null;
}
