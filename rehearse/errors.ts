/** Exit codes of the rehearsal command. */
export const EXIT = { ok: 0, verificationFailed: 1, badInput: 2 } as const;

/** Bad input or a limit the workbook hits: the message says what is wrong and what to do; exit code 2. */
export class BadInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadInput';
  }
}
