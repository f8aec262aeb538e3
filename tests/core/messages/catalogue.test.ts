// The server's catalogue: every key in English and Spanish, no text left empty, the same {placeholders} in both,
// and the language chosen from the user's locale.
import { catalogues, languageOf, messagesFor, translator } from '../../../src/core/messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the server catalogue', () => {
  const en = catalogues.en as Record<string, string>;
  const es = catalogues.es as Record<string, string>;

  it('has every key in both languages, none empty', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of [...Object.entries(en), ...Object.entries(es)]) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it('fills the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      expect({ key, es: placeholders(es[key]) }).toEqual({ key, es: placeholders(en[key]) });
    }
  });

  it('reads Spanish for every es locale and English for the rest', () => {
    expect(['es', 'es_419', 'es-ES', 'ES'].map(languageOf)).toEqual(['es', 'es', 'es', 'es']);
    expect(['en', 'en_GB', 'fr', '', 'estonian'].map(languageOf)).toEqual(['en', 'en', 'en', 'en', 'en']);
    expect(translator('es')('plan_cells_after', { cells: '1.000', limit: '10.000.000' })).toBe(
      'Celdas después del cambio: 1.000 de 10.000.000.',
    );
  });

  it('asks the session for its locale once, on the first text, and reads English when it cannot', () => {
    const locale = jest.fn(() => 'es');
    const t = messagesFor({ userEmail: () => '', locale });
    expect(locale).not.toHaveBeenCalled();
    expect(t('menu_run')).toBe('Ejecutar la migración');
    expect(t('menu_verify')).toBe('Verificar la migración');
    expect(locale).toHaveBeenCalledTimes(1);
    const broken = messagesFor({
      userEmail: () => '',
      locale: () => {
        throw new Error('no locale');
      },
    });
    expect(broken('menu_run')).toBe('Run migration');
  });
});
