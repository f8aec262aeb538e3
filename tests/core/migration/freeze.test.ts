// The edit freeze's protections are described in the language of the owner who started the run, and any
// language's description is recognised as the run's when the freeze is removed.
import { freezeDescription, removeFreeze } from '../../../src/core/migration/freeze';
import type { Checkpoint } from '../../../src/core/migration/checkpoint';
import { translator } from '../../../src/core/messages';
import type { Logger, SpreadsheetPort } from '../../../src/core/ports';

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function withProtection(description: string) {
  const removed: string[] = [];
  const spreadsheet = {
    unprotectSheet: (name: string, ours: (text: string) => boolean) => {
      if (!ours(description)) return false;
      removed.push(name);
      return true;
    },
  } as unknown as SpreadsheetPort;
  return { spreadsheet, removed };
}

const checkpoint = () =>
  ({
    run_id: 'v3.0-1',
    backup: {},
    freeze: { sheets: ['Operaciones'], applied: true },
  }) as unknown as Checkpoint;

describe('the edit freeze', () => {
  it('describes its protection in English and in Spanish', () => {
    expect(freezeDescription('v3.0-1')).toBe(
      'Schema migration v3.0-1: edits paused until its backup and verification end (removed automatically)',
    );
    expect(freezeDescription('v3.0-1', translator('es'))).toMatch(/^Migración de esquema v3\.0-1: /);
  });

  it.each([
    ['English', freezeDescription('v3.0-1')],
    ['Spanish', freezeDescription('v3.0-1', translator('es'))],
    ['no', ''],
  ])('removes a protection with the %s description, whoever removes it', (_language, description) => {
    for (const t of [translator('en'), translator('es')]) {
      const { spreadsheet, removed } = withProtection(description);
      const saved = checkpoint();
      removeFreeze(spreadsheet, saved, quiet, () => null, t);
      expect(removed).toEqual(['Operaciones']);
      expect(saved.freeze).toBeUndefined();
    }
  });

  it("leaves someone else's protection alone", () => {
    const { spreadsheet, removed } = withProtection('Only the office edits this');
    removeFreeze(spreadsheet, checkpoint(), quiet, () => null);
    expect(removed).toEqual([]);
  });

  it("says in the owner's language how to remove a protection it could not", () => {
    const errors: string[] = [];
    const spreadsheet = {
      unprotectSheet: () => {
        throw new Error('Servicio no disponible');
      },
    } as unknown as SpreadsheetPort;
    removeFreeze(
      spreadsheet,
      checkpoint(),
      { ...quiet, error: (m) => errors.push(m) },
      () => null,
      translator('es'),
    );
    expect(errors).toEqual([
      'Congelar ediciones: no se pudo quitar la protección de Operaciones (Servicio no disponible). Quítela a ' +
        'mano en Datos > Proteger hojas y rangos (o «Proteger hojas e intervalos»): la que tiene la descripción ' +
        '"Migración de esquema ...".',
    ]);
  });
});
