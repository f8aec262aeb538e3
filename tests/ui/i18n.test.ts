import { dictionaries, pickLanguage, translator } from '../../src/ui/i18n';

describe('sidebar texts', () => {
  it('has the same keys in English and Spanish, none of them empty', () => {
    const en = Object.keys(dictionaries.en).sort();
    const es = Object.keys(dictionaries.es).sort();
    expect(es).toEqual(en);
    for (const language of ['en', 'es'] as const) {
      const empty = Object.entries(dictionaries[language]).filter(
        ([, v]) => typeof v !== 'string' || v.trim() === '',
      );
      expect(empty).toEqual([]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    const differing = Object.keys(dictionaries.en).filter(
      (key) =>
        JSON.stringify(placeholders(dictionaries.en[key as keyof typeof dictionaries.en])) !==
        JSON.stringify(placeholders(dictionaries.es[key as keyof typeof dictionaries.es])),
    );
    expect(differing).toEqual([]);
  });

  it('is really translated: most Spanish texts differ from the English ones', () => {
    const keys = Object.keys(dictionaries.en) as (keyof typeof dictionaries.en)[];
    const same = keys.filter((k) => dictionaries.en[k] === dictionaries.es[k]);
    expect(same.length).toBeLessThan(keys.length / 10);
  });
});

describe('pickLanguage', () => {
  it('prefers ?hl= over the template locale over the browser language', () => {
    expect(pickLanguage({ query: 'es', dataLocale: 'en', navigatorLanguage: 'en-US' })).toBe('es');
    expect(pickLanguage({ query: null, dataLocale: 'es_CL', navigatorLanguage: 'en-US' })).toBe('es');
    expect(pickLanguage({ query: null, dataLocale: '', navigatorLanguage: 'es-419' })).toBe('es');
    expect(pickLanguage({ query: 'en', dataLocale: 'es', navigatorLanguage: 'es' })).toBe('en');
  });

  it('ignores a template scriptlet the server did not evaluate', () => {
    const raw = "<?= typeof locale === 'string' ? locale : '' ?>";
    expect(pickLanguage({ dataLocale: raw, navigatorLanguage: 'es-CL' })).toBe('es');
  });

  it('falls back to English for other languages and for nothing at all', () => {
    expect(pickLanguage({ dataLocale: 'fr-FR', navigatorLanguage: 'es' })).toBe('en');
    expect(pickLanguage({})).toBe('en');
  });
});

describe('translator', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('es');
    expect(t('run_progress', { done: '5', total: '10' })).toBe('5 de 10');
    expect(t('run_progress', { done: '5' })).toBe('5 de {total}');
  });
});
