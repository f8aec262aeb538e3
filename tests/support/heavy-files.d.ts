/** True when the test file opens with the `/** @heavy ... *\/` docblock (see heavy-files.js). */
export function isHeavy(file: string): boolean;
