// The order jest's workers take test files in: jest's own (failed first, then longest first, else largest file
// first), with the heavy files spread out. Each heavy file is followed by light files expected to take as long,
// so while one worker runs a heavy file the other runs light ones and rarely waits at the heavy-file lock
// (tests/support/heavy-lock.ts), which alone guarantees that two heavy files never run at once.
const Sequencer = require('@jest/test-sequencer').default;
const { isHeavy } = require('./heavy-files');

/** Expected milliseconds of a file never timed on this machine (jest keeps timings in its cache). */
const UNTIMED_MS = { heavy: 15000, light: 2000 };

class HeavyApartSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    const expected = (test, kind) => test.duration ?? UNTIMED_MS[kind];
    const heavy = ordered.filter((test) => isHeavy(test.path));
    const light = ordered.filter((test) => !isHeavy(test.path));
    const out = [];
    let next = 0;
    for (const file of heavy) {
      out.push(file);
      let left = expected(file, 'heavy');
      while (next < light.length && left > 0) {
        left -= expected(light[next], 'light');
        out.push(light[next]);
        next += 1;
      }
    }
    return out.concat(light.slice(next));
  }
}

module.exports = HeavyApartSequencer;
