// Which test files are heavy: those whose first comment is the `/** @heavy ... */` docblock, each holding a
// 150,000-row world or a Chromium (0.5 to 0.9 GB). Read by the sequencer (tests/support/sequencer.js) and the test
// environment (tests/support/quiet-environment.ts, through heavy-lock.ts), which keep two from running at once.
const fs = require('node:fs');

/** The docblock must open the file, as jest's own pragmas do. */
const PRAGMA = /^\s*\/\*\*[^*]*@heavy\b/;

function isHeavy(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(400);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return PRAGMA.test(head.toString('utf8', 0, read));
  } finally {
    fs.closeSync(fd);
  }
}

module.exports = { isHeavy };
