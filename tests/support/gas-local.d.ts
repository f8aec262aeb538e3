// gas-local ships no types: the two members the tests use (https://github.com/mzagorny/gas-local#readme).
declare module 'gas-local' {
  /** Runs every .js file below `folder` in one vm context made from `globals`; returns that context. */
  export function require(folder: string, globals?: Record<string, unknown>): Record<string, unknown>;
  /** gas-local's default mock of Logger and Utilities. */
  export const globalMockDefault: Record<string, unknown>;
}
