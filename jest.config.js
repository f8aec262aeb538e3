// eslint-disable-next-line @typescript-eslint/no-require-imports
const os = require('node:os');

// Each worker's V8 heap is capped: left alone, V8 sizes it from the machine's memory and lets a worker running
// the 150,000-row tests grow to 1.6 GB before collecting. At 1,000 MB the heaviest file (tests/bundle/chain/large)
// peaks near 0.8 GB and runs as fast as uncapped; at 500 MB it spends twice as long collecting. Workers
// inherit this variable; NODE_OPTIONS given by the caller comes first and wins only if it sets its own cap.
if (!/--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '')) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=1000`.trim();
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/tests/support/quiet-environment.ts',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2021' } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 120000,
  // jest's default on 2 cores is one worker; the suite is CPU-bound and each worker stays under 1 GB
  maxWorkers: Math.max(1, Math.min(4, os.availableParallelism())),
  // a worker that ends a file above this is replaced: memory a large world leaves behind is returned
  workerIdleMemoryLimit: '600MB',
  // heavy files (a 150,000-row world or a Chromium each) spread out; the environment's lock keeps them apart
  testSequencer: '<rootDir>/tests/support/sequencer.js',
};
